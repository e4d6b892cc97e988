package org.diasporadesk.registry.imports;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.Topic;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class BulkImportIT {

    private static final String TERJOLA = "GE-IM-TERJOLA";
    private static final String OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, TERJOLA);
    /** Columns in another order than the documentation's, as spreadsheets export them. */
    private static final String[] HEADER = { "household_ref", "external_id", "family_name", "given_name", "name_latin",
            "sex", "birth_year", "municipality_code", "destination_country", "destination_city", "phone",
            "lifecycle_stage", "consent_statistics", "consent_hotline", "consent_outreach", "language", "informant_name",
            "informant_relation", "informant_phone", "locality", "collected_on", "verified", "occupation", "skills",
            "education", "messenger" };

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void importsGoodRowsReportsBadOnesAndJoinsAHouseholdSplitAcrossBatches() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("H-" + run + "-split", run + "-1", "ბერიძე", "ნოდარ", "", "M", "1971", TERJOLA, "GR", "Athens",
                "+30 691 555 0001", "abroad", "yes", "yes", "no", "ka", "მანანა ბერიძე", "wife", "599 55 00 01",
                "Terjola, Rustaveli St 3, \"old house\"", "2026-11-01", "yes", "carpenter", "joinery; roofing",
                "secondary", "Viber +30 691 555 0001"));
        rows.add(row("H-" + run + "-2", run + "-2", "Ковалёва", "Нана", "", "F", "1990", TERJOLA, "RU", "Moscow",
                "8 (916) 555-00-02", "abroad", "yes", "yes", "yes", "ru", "", "", "", "Terjola\nnear the school", "", ""));
        rows.add(row("H-" + run + "-3", run + "-3", "", "", "Levan Kapanadze", "M", "nineteen", TERJOLA, "DE", "", "",
                "abroad", "yes", "no", "no", "", "", "", "", "", "", ""));
        rows.add(row("H-" + run + "-4", run + "-4", "", "", "Eka Gelashvili", "X", "1985", TERJOLA, "DE", "", "", "abroad",
                "yes", "no", "no", "", "", "", "", "", "", ""));
        rows.add(row("H-" + run + "-5", run + "-5", "", "", "Dato Lomidze", "M", "1985", TERJOLA, "DE", "", "12",
                "abroad", "yes", "no", "no", "", "", "", "", "", "", ""));
        rows.add(row("H-" + run + "-6", run + "-6", "", "", "Gia Tsiklauri", "M", "1985", "GE-AJ-BATUMI", "DE", "", "",
                "abroad", "yes", "no", "no", "", "", "", "", "", "", ""));
        rows.add(row("H-" + run + "-2", run + "-2", "Ковалёва", "Нана", "", "F", "1990", TERJOLA, "RU", "", "", "abroad",
                "yes", "yes", "yes", "ru", "", "", "", "", "", ""));
        rows.add(row("H-" + run + "-badinf", run + "-9", "", "", "Nika Abashidze", "M", "1980", TERJOLA, "TR", "", "",
                "abroad", "yes", "no", "no", "", "ლალი აბაშიძე", "mother", "590 12 34 56", "", "", ""));
        rows.add(row("H-" + run + "-badinf", run + "-10", "", "", "Sopo Abashidze", "F", "1983", TERJOLA, "TR", "", "",
                "abroad", "yes", "no", "no", "", "", "", "", "", "", ""));
        // More rows than a batch holds, so that the household's second member comes in a later batch.
        for (int i = 0; i < 1_100; i++) {
            rows.add(row("H-" + run + "-bulk-" + i, run + "-bulk-" + i, "", "", "Test Person" + letters(i), i % 2 == 0 ? "F" : "M",
                    Integer.toString(1960 + i % 40), TERJOLA, "IT", "", "", "abroad", "yes", "no", "no", "it", "", "", "", "",
                    "", ""));
        }
        rows.add(row("H-" + run + "-split", run + "-split-2", "ბერიძე", "გიორგი", "", "M", "1998", TERJOLA, "GR", "Athens",
                "", "abroad", "yes", "yes", "no", "ka", "", "", "", "", "", ""));
        String csv = "\uFEFF" + csv(rows);

        ApiClient.Response accepted = api.postCsv("/imports", OFFICER, csv);

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String jobId = accepted.body().get("id").asString();
        assertThat(accepted.headers().getLocation()).hasToString("/imports/" + jobId);
        JsonNode job = awaitFinished(jobId);
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("rowsTotal").asLong()).isEqualTo(rows.size());
        assertThat(job.get("rowsDone").asLong()).isEqualTo(rows.size());
        assertThat(job.get("rowsImported").asLong()).as("the family with a relative's odd number too").isEqualTo(1_105);
        assertThat(job.get("rowsRejected").asLong()).isEqualTo(5);
        assertThat(job.get("rowsWithWarnings").asLong()).isEqualTo(1);
        assertThat(job.get("rowsImported").asLong() + job.get("rowsSkipped").asLong() + job.get("rowsRejected").asLong())
            .as("every row is counted once").isEqualTo(job.get("rowsDone").asLong());
        assertThat(job.get("percentDone").asDouble()).isEqualTo(100.0);

        String errors = api.getText("/imports/" + jobId + "/errors", OFFICER);
        assertThat(errors.lines().toList()).startsWith("line,column,value,reason")
            .anySatisfy(line -> assertThat(line).startsWith("4,birth_year,nineteen,"))
            .anySatisfy(line -> assertThat(line).startsWith("5,sex,X,"))
            .anySatisfy(line -> assertThat(line).startsWith("6,phone,12,"))
            .anySatisfy(line -> assertThat(line).startsWith("7,municipality_code,GE-AJ-BATUMI,"))
            .anySatisfy(line -> assertThat(line).startsWith("8,external_id," + run + "-2,"))
            .noneSatisfy(line -> assertThat(line).contains("590 12 34 56"));
        assertThat(api.getText("/imports/" + jobId + "/warnings", OFFICER).lines().toList())
            .containsExactly("line,column,value,reason",
                    "9,informant_phone,590 12 34 56,\"kept, but the number is not in a range known to be in use; "
                            + "confirm it with the family when you next speak to them\"");
        JsonNode abashidze = api.get("/migrants?name={name}", OFFICER, "Sopo Abashidze").body().at("/items/0");
        assertThat(api.get("/households/" + abashidze.get("householdId").asString(), OFFICER).body()
            .at("/informants/0/phone").asString()).as("the mother's old number, kept").isEqualTo("+995590123456");

        JsonNode split = api.get("/migrants?name={name}&municipality={m}", OFFICER, "Beridze Nodar", TERJOLA).body();
        String householdId = split.at("/items/0/householdId").asString();
        JsonNode household = api.get("/households/" + householdId, OFFICER).body();
        assertThat(household.get("migrants").valueStream().map(m -> m.get("givenName").asString()).toList())
            .containsExactly("ნოდარ", "გიორგი");
        assertThat(household.at("/migrants/0/phones/0").asString()).isEqualTo("+306915550001");
        assertThat(household.at("/migrants/0/skills").valueStream().map(JsonNode::asString)).containsExactly("joinery",
                "roofing");
        assertThat(household.at("/migrants/0/messengers/0").asString()).isEqualTo("Viber +30 691 555 0001");
        assertThat(household.at("/migrants/0/verification/status").asString()).isEqualTo("VERIFIED");
        assertThat(household.at("/migrants/0/verification/lastConfirmedContact").asString()).isEqualTo("2026-11-01");
        assertThat(household.at("/informants/0/phone").asString()).isEqualTo("+995599550001");
        assertThat(household.get("locality").asString()).isEqualTo("Terjola, Rustaveli St 3, \"old house\"");
        assertThat(api.get("/migrants?phone={p}", OFFICER, "+7 916 555 00 02").body().at("/items/0/familyName").asString())
            .isEqualTo("Ковалёва");

        var updated = KafkaProbe.awaitRecord(Topic.REGISTRY_PEOPLE.topicName(),
                record -> householdId.equals(record.key()) && "2".equals(KafkaProbe.header(record, "ce_sequence")),
                Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(updated, "ce_type")).isEqualTo("org.diasporadesk.registry.household-updated.v1");

        ApiClient.Response again = api.postCsv("/imports", OFFICER, csv);
        JsonNode second = awaitFinished(again.body().get("id").asString());
        assertThat(second.get("rowsImported").asLong()).isZero();
        assertThat(second.get("rowsSkipped").asLong()).isEqualTo(1_105);
    }

    @Test
    void refusesAFileWithUnknownOrMissingColumnsNamingThem() {
        ApiClient.Response response = api.postCsv("/imports", OFFICER,
                "external_id,household_ref,municipality_code,sex,shoe_size\n1,h,GE-IM-TERJOLA,F,38\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("header");
        assertThat(response.body().get("detail").asString()).contains("unknown columns: shoe_size",
                "missing columns: lifecycle_stage");
    }

    @Test
    void refusesAFileWithABrokenQuoteSayingWhereAndWhatToDo() {
        ApiClient.Response response = api.postCsv("/imports", OFFICER, String.join(",", HEADER) + "\n"
                + "\"h-broken,x\"y,GE-IM-TERJOLA\n");

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("file");
        assertThat(response.body().get("detail").asString()).contains("line", "quote");
    }

    /**
     * What Excel's "Save as CSV" writes in a Russian-speaking office (Windows-1251, semicolons), its "Unicode text"
     * (UTF-16 with a byte-order mark, tabs) and a Latin office's Windows-1252: each imports with its names intact.
     */
    @Test
    void importsTheEncodingsAndSeparatorsOfficeSpreadsheetsSaveIn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> imported = new java.util.LinkedHashMap<>();
        imported.put("Ковалёв", officeFile(run + "-ru", "Ковалёв", "Вахтанг", ';', Charset.forName("windows-1251"),
                new byte[0]));
        imported.put("Žagar", officeFile(run + "-utf16", "Žagar", "Ана", '\t', StandardCharsets.UTF_16LE,
                new byte[] { (byte) 0xFF, (byte) 0xFE }));
        imported.put("Müller", officeFile(run + "-de", "Müller", "Zoé", ',', Charset.forName("windows-1252"),
                new byte[0]));

        imported.forEach((familyName, jobId) -> {
            JsonNode job = awaitFinished(jobId);
            assertThat(job.get("rowsImported").asLong()).as(familyName + ": " + job).isEqualTo(1);
        });
        assertThat(familyNames("Вахтанг")).contains("Ковалёв");
        assertThat(familyNames("Ана")).contains("Žagar");
        assertThat(familyNames("Zoé")).contains("Müller");
    }

    /** The family names of the officer's migrants found by a given name. */
    private List<String> familyNames(String givenName) {
        JsonNode found = api.get("/migrants?name={name}&size=100", OFFICER, givenName).body();
        return found.get("items").valueStream().map(item -> item.get("familyName").asString()).toList();
    }

    /** An Excel workbook as offices keep their lists: numbers as numbers, a date in the office's own format. */
    @Test
    void importsAnExcelWorkbookReadingYearsAsNumbersAndDatesInAnyFormat() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> person = row("H-" + run + "-xlsx", run + "-xlsx", "ბერიძე", "თამარ", "", "F", "1991", TERJOLA, "IT",
                "Rome", "+39 345 100 0042", "abroad", "yes", "yes", "no", "ka", "", "", "", "", "2026-11-01", "");
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet("Migrants");
            var header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            var dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            var row = sheet.createRow(1);
            for (int i = 0; i < person.size(); i++) {
                String column = HEADER[i];
                if (person.get(i).isEmpty()) {
                    continue;
                }
                var cell = row.createCell(i);
                if (column.equals("birth_year")) {
                    cell.setCellValue(Integer.parseInt(person.get(i)));
                }
                else if (column.equals("collected_on")) {
                    cell.setCellValue(java.time.LocalDate.parse(person.get(i)));
                    cell.setCellStyle(dates);
                }
                else {
                    cell.setCellValue(person.get(i));
                }
            }
            workbook.write(file);
        }

        ApiClient.Response accepted = api.postCsv("/imports", OFFICER, file.toByteArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        JsonNode job = awaitFinished(accepted.body().get("id").asString());
        assertThat(job.get("rowsImported").asLong()).as(job.toString()).isEqualTo(1);
        JsonNode tamar = api.get("/migrants?name={name}", OFFICER, "თამარ ბერიძე").body().at("/items/0");
        JsonNode household = api.get("/households/" + tamar.get("householdId").asString(), OFFICER).body();
        assertThat(household.at("/migrants/0/birthYear").asInt()).isEqualTo(1991);
        assertThat(household.at("/provenance/collectedOn").asString()).isEqualTo("2026-11-01");

        byte[] broken = java.util.Arrays.copyOf(file.toByteArray(), 200);
        ApiClient.Response refused = api.postCsv("/imports", OFFICER, broken,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("file");
    }

    @Test
    void refusesAFileDeclaredUtf8ThatIsNotSayingHowToSaveIt() {
        byte[] windows1251 = (String.join(",", HEADER) + "\nh-1,Вахтанг,GE-IM-TERJOLA\n")
            .getBytes(Charset.forName("windows-1251"));

        ApiClient.Response response = api.postCsv("/imports", OFFICER, windows1251, "text/csv; charset=UTF-8");

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("file");
        assertThat(response.body().get("detail").asString()).contains("UTF-8");
    }

    /** One person's row in an office's file: the header and the row joined by the separator, encoded. */
    private String officeFile(String key, String familyName, String givenName, char separator, Charset charset,
            byte[] byteOrderMark) throws IOException {
        List<String> person = row("H-" + key, key, familyName, givenName, "", "M", "1985", TERJOLA, "DE", "", "",
                "abroad", "yes", "no", "no", "", "", "", "", "", "", "");
        String text = String.join(String.valueOf(separator), HEADER) + "\r\n"
                + String.join(String.valueOf(separator), person) + "\r\n";
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write(byteOrderMark);
        file.write(text.getBytes(charset));
        ApiClient.Response accepted = api.postCsv("/imports", OFFICER, file.toByteArray());
        assertThat(accepted.status()).as(familyName + ": " + accepted.body()).isEqualTo(202);
        return accepted.body().get("id").asString();
    }

    @Test
    void streamsProgressUntilTheImportHasFinished() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row("S-" + run + i, run + i, "", "", "Stream Person" + letters(i), "F", "1980", TERJOLA, "FR", "", "",
                    "abroad", "yes", "no", "no", "fr", "", "", "", "", "", ""));
        }
        String jobId = api.postCsv("/imports", OFFICER, csv(rows)).body().get("id").asString();

        HttpResponse<String> stream = HttpClient.newHttpClient().send(HttpRequest
            .newBuilder(URI.create("http://localhost:" + port + "/imports/" + jobId + "/progress"))
            .header("Authorization", "Bearer " + OFFICER).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(stream.body()).contains("event:progress").contains("\"status\":\"COMPLETED\"")
            .contains("\"percentDone\":100.0");
    }

    @Test
    void anotherMunicipalitysOfficerCannotSeeTheImport() {
        String jobId = api.postCsv("/imports", OFFICER, String.join(",", HEADER) + "\n").body().get("id").asString();

        assertThat(api.get("/imports/" + jobId, TestTokens.municipal(Role.REGISTRY_OFFICER, "GE-AJ-BATUMI")).status())
            .isEqualTo(404);
    }

    @Test
    void anErasedMigrantIsNotBroughtBackByImportingTheSameFileAgain() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = csv(List.of(
                row("H-" + run, run + "-1", "", "", "Irakli Chkheidze" + letters(7), "M", "1979", TERJOLA, "PL", "", "", "abroad",
                        "yes", "yes", "yes", "ka", "", "", "", "", "", ""),
                row("H-" + run, run + "-2", "", "", "Tamar Chkheidze" + letters(8), "F", "1982", TERJOLA, "PL", "", "", "abroad",
                        "yes", "yes", "yes", "ka", "", "", "", "", "", "")));
        assertThat(awaitFinished(api.postCsv("/imports", OFFICER, csv).body().get("id").asString())
            .get("rowsImported").asLong()).isEqualTo(2);
        JsonNode irakli = api.get("/migrants?name={name}", OFFICER, "Irakli Chkheidze" + letters(7)).body().at("/items/0");
        String householdId = irakli.get("householdId").asString();

        String request = api.deleteWithHeader("/households/{h}/migrants/{m}", OFFICER, "X-Purpose", "request by letter",
                householdId, irakli.get("migrantId").asString()).body().get("id").asString();
        assertThat(api.post("/erasure-requests/" + request + "/approval", TestTokens.municipal(Role.SUPERVISOR, TERJOLA),
                Map.of()).status()).isEqualTo(200);
        JsonNode again = awaitFinished(api.postCsv("/imports", OFFICER, csv).body().get("id").asString());

        assertThat(again.get("rowsImported").asLong()).isZero();
        assertThat(again.get("rowsSkipped").asLong()).isEqualTo(1);
        assertThat(again.get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(api.getText("/imports/" + again.get("id").asString() + "/errors", OFFICER))
            .contains("2,external_id," + run + "-1,this person's data was erased at their request");
        assertThat(api.get("/households/" + householdId, OFFICER).body().get("migrants").size()).isEqualTo(1);
    }

    private JsonNode awaitFinished(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = api.get("/imports/" + jobId, OFFICER).body().get("status").asString();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return api.get("/imports/" + jobId, OFFICER).body();
    }

    /** A row in {@link #HEADER}'s order; columns left out at the end are empty. */
    private static List<String> row(String... values) {
        List<String> row = new ArrayList<>(List.of(values));
        while (row.size() < HEADER.length) {
            row.add("");
        }
        return row;
    }

    /** Distinct letter-only suffixes, so that generated people do not fold to the same name. */
    private static String letters(int i) {
        StringBuilder text = new StringBuilder();
        int n = i;
        do {
            text.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return text.toString();
    }

    private static String csv(List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString();
    }
}
