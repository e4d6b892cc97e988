package org.diasporadesk.localstack;

import java.io.Reader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NALAG's file end to end on the local stack, as the four offices take it: the file the registry's import benchmark
 * generates (17,356 rows of Kutaisi, Tkibuli, Zestaponi and Chiatura) split by municipality, each share uploaded at
 * the same moment by its office's registry officer, until every import is done and the last migrant of each share
 * (with a number written internationally) is recognised by that office's hotline agent. Prints when each happened.
 */
class NalagImportBenchmark {

    private static final int PORT_OFFSET = 4_000;
    private static final Duration GIVE_UP = Duration.ofMinutes(10);
    /** Per office: its registry officer and its hotline agent (demo clients). */
    private static final Map<String, List<String>> OFFICES = Map.of(
            "GE-IM-KUTAISI", List.of("registry-officer", "hotline-agent"),
            "GE-IM-TKIBULI", List.of("registry-officer-tkibuli", "hotline-agent-tkibuli"),
            "GE-IM-ZESTAPONI", List.of("registry-officer-zestaponi", "hotline-agent-zestaponi"),
            "GE-IM-CHIATURA", List.of("registry-officer-chiatura", "hotline-agent-chiatura"));

    @TempDir
    Path data;

    private record Share(String csv, String lastPhone) {
    }

    @Test
    void theFourOfficesSharesOfTheFileUploadedAtOnce() throws Exception {
        Path file = Path.of(System.getProperty("benchmark.file", "households.csv"));
        assertThat(file).as("the file: run the registry's import benchmark first "
                + "(./mvnw -Pbenchmarks -pl services/registry-service -am verify), or pass -Dbenchmark.file").exists();
        Map<String, Share> shares = split(file);
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        try (LocalStack stack = LocalStack.start(config)) {
            StackApi api = new StackApi(config);
            Map<String, String> officers = new LinkedHashMap<>();
            Map<String, String> agents = new LinkedHashMap<>();
            for (String office : shares.keySet()) {
                officers.put(office, api.token(OFFICES.get(office).get(0)));
                agents.put(office, api.token(OFFICES.get(office).get(1)));
            }
            long start = System.nanoTime();
            Map<String, CompletableFuture<String>> uploads = new LinkedHashMap<>();
            shares.forEach((office, share) -> uploads.put(office, CompletableFuture.supplyAsync(() -> {
                try {
                    HttpResponse<String> accepted = api.postCsv("registry-service", "/imports", officers.get(office),
                            share.csv());
                    return StackApi.body(accepted, 202).get("id").asString();
                }
                catch (Exception ex) {
                    throw new IllegalStateException("upload of " + office, ex);
                }
            })));
            Map<String, String> jobs = new LinkedHashMap<>();
            uploads.forEach((office, upload) -> jobs.put(office, upload.join()));

            Map<String, Double> imported = new LinkedHashMap<>();
            Map<String, Double> recognised = new LinkedHashMap<>();
            Map<String, JsonNode> results = new LinkedHashMap<>();
            while (imported.size() < jobs.size() || recognised.size() < jobs.size()) {
                assertThat(seconds(start)).as("gave up after %s", GIVE_UP).isLessThan(GIVE_UP.toSeconds());
                for (String office : jobs.keySet()) {
                    if (!imported.containsKey(office)) {
                        JsonNode job = api.get("registry-service", "/imports/" + jobs.get(office), officers.get(office));
                        if (!job.get("status").asString().matches("QUEUED|RUNNING")) {
                            imported.put(office, seconds(start));
                            results.put(office, job);
                        }
                    }
                    if (!recognised.containsKey(office) && !api.get("hotline-service", "/callers?phone="
                            + URLEncoder.encode(shares.get(office).lastPhone(), StandardCharsets.UTF_8),
                            agents.get(office)).get("candidates").isEmpty()) {
                        recognised.put(office, seconds(start));
                    }
                }
                Thread.sleep(250);
            }
            System.out.printf("%nNALAG's file on the local stack (%s; four offices' shares uploaded at once)%n",
                    file.getFileName());
            for (String office : jobs.keySet()) {
                JsonNode job = results.get(office);
                System.out.printf("  %-16s %s after %5.1f s (%d rows, %d imported, %d rejected); last migrant "
                        + "recognised by the hotline after %5.1f s%n", office, job.get("status").asString(),
                        imported.get(office), job.get("rowsTotal").asLong(), job.get("rowsImported").asLong(),
                        job.get("rowsRejected").asLong(), recognised.get(office));
            }
            System.out.printf("  all imports done: %.1f s; end to end (the hotline recognises every share's last "
                    + "migrant): %.1f s%n%n", imported.values().stream().mapToDouble(Double::doubleValue).max()
                        .orElseThrow(), recognised.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            results.values().forEach(job -> assertThat(job.get("status").asString()).isEqualTo("COMPLETED"));
        }
    }

    /** The file's rows by municipality, each share a file of its own with the header. */
    private static Map<String, Share> split(Path file) throws Exception {
        Map<String, List<CSVRecord>> rows = new LinkedHashMap<>();
        List<String> header;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            header = parser.getHeaderNames();
            for (CSVRecord row : parser) {
                rows.computeIfAbsent(row.get("municipality_code"), office -> new ArrayList<>()).add(row);
            }
        }
        assertThat(OFFICES).as("the offices the demo clients serve").containsKeys(rows.keySet().toArray(String[]::new));
        Map<String, Share> shares = new LinkedHashMap<>();
        for (Map.Entry<String, List<CSVRecord>> office : rows.entrySet()) {
            StringWriter csv = new StringWriter();
            String lastPhone = null;
            try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
                for (CSVRecord row : office.getValue()) {
                    printer.printRecord(row.values());
                    // A migrant the import keeps and the hotline may recognise by an unambiguous number.
                    String phone = row.get("phone");
                    if ((phone.startsWith("+") || phone.startsWith("00")) && row.get("sex").matches("[MF]")
                            && row.get("consent_hotline").equals("yes")) {
                        lastPhone = phone;
                    }
                }
            }
            shares.put(office.getKey(), new Share(csv.toString(), lastPhone));
        }
        return shares;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
