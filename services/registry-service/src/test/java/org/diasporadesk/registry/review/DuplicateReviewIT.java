package org.diasporadesk.registry.review;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The duplicate review desk as officers use it: what an import flagged, listed and worked through; a "not the same
 * person" remembered; a pair across two offices shown to both without the other's personal data.
 */
@ServiceIntegrationTest
class DuplicateReviewIT {

    private static final String KUTAISI = "GE-IM-KUTAISI";
    private static final String BATUMI = "GE-AJ-BATUMI";
    private static final String OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, KUTAISI);
    private static final String BATUMI_OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, BATUMI);
    private static final String SUPERVISOR = TestTokens.municipal(Role.SUPERVISOR, KUTAISI);
    private static final String BATUMI_SUPERVISOR = TestTokens.municipal(Role.SUPERVISOR, BATUMI);
    private static final String ADMINISTRATOR = TestTokens.national(Role.ADMINISTRATOR);

    /** Georgian letters and their Latin spelling, for family names of this run that no other test shares. */
    private static final String[][] LETTERS = { { "ბ", "b" }, { "გ", "g" }, { "დ", "d" }, { "ვ", "v" }, { "ზ", "z" },
            { "ლ", "l" }, { "მ", "m" }, { "ნ", "n" }, { "რ", "r" }, { "ს", "s" } };

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void anImportsCandidatesAreListedWithTheirEvidenceAndMerged() throws Exception {
        Name name = Name.unique();
        String number = number();
        JsonNode registered = register(KUTAISI, migrant("ზურაბ", name.georgian(), null, 1984, "IT", "+39 " + number));
        // Re-reported by a brother, in Latin letters, the same number written the way he writes it; and a namesake a
        // year younger in Russia, whom the name alone would have flagged.
        String file = csv(List.of(
                List.of("ext-" + number, "hh-" + number, KUTAISI, "Zurab " + name.latin(), "1984", "IT",
                        "0039" + number.replace(" ", ""), "Levan", "brother", "599 11 22 33", "M", "abroad"),
                List.of("ext-" + number + "-b", "hh-" + number + "-b", KUTAISI, "Zurab " + name.latin(), "1985", "RU",
                        "+7 916 " + number.substring(4), "Nana", "mother", "599 44 55 66", "M", "abroad")));

        JsonNode job = awaitFinished(api.postCsv("/imports", OFFICER, file).body().get("id").asString());

        assertThat(job.get("rowsImported").asInt()).isEqualTo(2);
        assertThat(job.get("possibleDuplicates").asInt()).isEqualTo(1);
        JsonNode queue = api.get(job.get("duplicatesUrl").asString(), OFFICER).body();
        assertThat(queue.get("total").asInt()).isEqualTo(1);
        JsonNode candidate = queue.at("/items/0");
        assertThat(candidate.get("reasons").valueStream().map(JsonNode::asString))
            .contains("SAME_PHONE", "SAME_NAME", "SAME_BIRTH_YEAR", "SAME_DESTINATION");
        assertThat(candidate.get("doubts")).isEmpty();
        assertThat(candidate.get("outcomes").toString()).contains("SAME_PERSON", "NOT_THE_SAME_PERSON");
        assertThat(candidate.at("/records/0/migrant/familyName").asString()).isEqualTo(name.georgian());
        assertThat(candidate.at("/records/1/migrant/nameLatin").asString()).isEqualTo("Zurab " + name.latin());
        assertThat(candidate.at("/records/1/informants/0/relation").asString()).isEqualTo("brother");

        ApiClient.Response merged = api.post("/duplicate-candidates/" + candidate.get("id").asString() + "/resolution",
                OFFICER, Map.of("outcome", "SAME_PERSON", "note", "the brother confirmed by phone"));

        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        assertThat(merged.body().get("status").asString()).isEqualTo("MERGED");
        assertThat(merged.body().get("decidedBy").asString()).isNotBlank();
        assertThat(api.get(job.get("duplicatesUrl").asString(), OFFICER).body().get("total").asInt()).isZero();
        assertThat(api.get(job.get("duplicatesUrl").asString() + "&status=MERGED", OFFICER).body().get("total").asInt())
            .isEqualTo(1);
        JsonNode survivor = api.get("/households/" + registered.get("id").asString(), OFFICER).body();
        assertThat(survivor.at("/informants").toString()).as("the brother's household had only him: its informant moved")
            .contains("brother");
        ApiClient.Response again = api.post("/duplicate-candidates/" + candidate.get("id").asString() + "/resolution",
                OFFICER, Map.of("outcome", "NOT_THE_SAME_PERSON"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void notTheSamePersonIsRememberedWhenTheRecordIsCheckedAgain() {
        Name name = Name.unique();
        register(KUTAISI, migrant("ნინო", name.georgian(), null, 1990, "GR", "+30 694 " + number().substring(4)));
        JsonNode second = register(KUTAISI, migrant("ნინო", name.georgian(), null, 1990, "GR",
                "+30 694 " + number().substring(4)));
        String candidateId = second.at("/possibleDuplicates/0/inYourMunicipality/0/candidateId").asString();
        assertThat(second.at("/possibleDuplicates/0/inYourMunicipality/0/score").asInt()).isGreaterThanOrEqualTo(8);

        ApiClient.Response decided = api.post("/duplicate-candidates/" + candidateId + "/resolution", OFFICER,
                Map.of("outcome", "NOT_THE_SAME_PERSON", "note", "cousins, born the same year"));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
        // A correction weighs the record against everyone again: the same pair comes up, and stays decided.
        String h = second.get("id").asString();
        String m = second.at("/migrants/0/migrantId").asString();
        Map<String, Object> corrected = migrant("ნინო", name.georgian(), null, 1990, "GR",
                second.at("/migrants/0/phones/0").asString());
        corrected.put("destinationCity", "Thessaloniki");
        assertThat(api.put("/households/{h}/migrants/{m}", OFFICER, corrected, h, m).status()).isEqualTo(200);

        JsonNode after = api.get("/duplicate-candidates/" + candidateId, OFFICER).body();
        assertThat(after.get("status").asString()).isEqualTo("NOT_THE_SAME_PERSON");
        assertThat(after.get("note").asString()).isEqualTo("cousins, born the same year");
        assertThat(api.get("/duplicate-candidates?size=100", OFFICER).body().get("items").valueStream()
            .map(item -> item.get("id").asString())).doesNotContain(candidateId);
    }

    @Test
    void acrossOfficesBothDesksGetTheNoticeAndNeitherSeesTheOthersRecord() {
        Name name = Name.unique();
        String number = number();
        JsonNode kutaisi = register(KUTAISI, migrant("გელა", name.georgian(), null, 1979, "IT", "+39 " + number));
        JsonNode batumi = register(BATUMI, migrant(null, null, "Gela " + name.latin(), 1979, "IT",
                "0039 " + number));
        JsonNode notice = batumi.at("/possibleDuplicates/0/inOtherOffices/0");
        assertThat(notice.get("municipalityName").asString()).isEqualTo("Kutaisi");
        String id = notice.get("candidateId").asString();

        for (String token : List.of(OFFICER, BATUMI_OFFICER)) {
            JsonNode seen = api.get("/duplicate-candidates/" + id, token).body();
            assertThat(seen.get("acrossOffices").asBoolean()).isTrue();
            assertThat(seen.get("outcomes").valueStream().map(JsonNode::asString))
                .containsExactly("SAME_PERSON", "RESOLVED", "NOT_THE_SAME_PERSON");
            assertThat(seen.get("records").valueStream().filter(side -> side.get("inYourOffice").asBoolean()))
                .hasSize(1);
        }
        JsonNode seenInKutaisi = api.get("/duplicate-candidates/" + id, OFFICER).body();
        assertThat(seenInKutaisi.at("/records/1/municipalityName").asString()).isEqualTo("Batumi");
        assertThat(seenInKutaisi.toString()).contains(name.georgian())
            .doesNotContain(batumi.get("id").asString(), "Gela " + name.latin(), number.substring(4));
        assertThat(api.get("/duplicate-candidates/" + id, BATUMI_OFFICER).body().toString())
            .doesNotContain(kutaisi.get("id").asString(), name.georgian());
        assertThat(api.get("/duplicate-candidates?municipality=" + KUTAISI, OFFICER).body().get("items").valueStream()
            .map(item -> item.get("id").asString())).contains(id);

        ApiClient.Response resolved = api.post("/duplicate-candidates/" + id + "/resolution", BATUMI_OFFICER,
                Map.of("outcome", "RESOLVED", "note", "Kutaisi keeps the record; ours erased on request"));
        assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(200);
        assertThat(api.get("/duplicate-candidates/" + id, OFFICER).body().get("status").asString())
            .isEqualTo("RESOLVED");
        assertThat(api.get("/duplicate-candidates/" + id, TestTokens.municipal(Role.REGISTRY_OFFICER, "GE-IM-TKIBULI"))
            .status()).as("a third office does not learn of the pair").isEqualTo(404);
    }

    @Test
    void aMergeProposedAcrossOfficesIsCarriedOutOnlyWhenASupervisorOfTheOtherOfficeApproves() {
        Pair pair = acrossOffices(1981);
        String id = pair.candidateId();

        ApiClient.Response proposed = api.post("/duplicate-candidates/" + id + "/resolution", OFFICER,
                Map.of("outcome", "SAME_PERSON", "note", "Spoke to Batumi: the same Gela, moved to Kutaisi's family"));

        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(200);
        assertThat(proposed.body().get("status").asString()).isEqualTo("MERGE_PROPOSED");
        assertThat(proposed.body().at("/proposal/municipalityName").asString()).isEqualTo("Kutaisi");
        assertThat(proposed.body().at("/proposal/survivorMunicipalityName").asString()).isEqualTo("Kutaisi");
        assertThat(api.get("/households/" + pair.batumiHousehold(), BATUMI_OFFICER).status())
            .as("nothing merged yet").isEqualTo(200);
        assertThat(api.post("/duplicate-candidates/" + id + "/resolution", BATUMI_OFFICER,
                Map.of("outcome", "RESOLVED")).status()).as("the pair waits for the supervisor").isEqualTo(409);

        ApiClient.Response ownOffice = api.post("/merge-proposals/" + id + "/approval", SUPERVISOR, Map.of());
        assertThat(ownOffice.status()).as("Kutaisi proposed; Batumi approves").isEqualTo(409);
        assertThat(ownOffice.body().at("/errors/0/field").asString()).isEqualTo("proposedBy");
        assertThat(ownOffice.body().toString()).contains("a supervisor of Batumi decides it");
        assertThat(api.post("/merge-proposals/" + id + "/approval", BATUMI_OFFICER, Map.of()).status())
            .as("an officer does not approve").isEqualTo(403);
        assertThat(api.get("/merge-proposals", SUPERVISOR).body().valueStream().map(item -> item.get("id").asString()))
            .as("not in the proposing office's queue").doesNotContain(id);
        JsonNode waiting = api.get("/merge-proposals", BATUMI_SUPERVISOR).body().valueStream()
            .filter(item -> item.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(waiting.at("/proposal/proposedBy").asString()).isEqualTo(userOf(OFFICER));
        assertThat(waiting.toString()).as("Batumi's supervisor sees Batumi's record, not Kutaisi's")
            .contains("Gela " + pair.name().latin()).doesNotContain(pair.name().georgian(), pair.kutaisiHousehold());

        ApiClient.Response approved = api.post("/merge-proposals/" + id + "/approval", BATUMI_SUPERVISOR, Map.of());

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("MERGED");
        assertThat(approved.body().get("decidedBy").asString()).isEqualTo(userOf(BATUMI_SUPERVISOR));
        assertThat(api.get("/households/" + pair.batumiHousehold(), BATUMI_OFFICER).status())
            .as("Batumi's record merged into Kutaisi's; its emptied household is gone").isEqualTo(404);
        JsonNode survivor = api.get("/households/" + pair.kutaisiHousehold(), OFFICER).body();
        assertThat(survivor.at("/migrants/0/phones").valueStream().map(JsonNode::asString)).hasSize(1);
        assertThat(survivor.get("informants")).as("the mother both offices recorded, once").hasSize(1);
        JsonNode history = api.get("/households/{h}/migrants/{m}/history", OFFICER, pair.kutaisiHousehold(),
                pair.kutaisiMigrant()).body();
        assertThat(history.toString()).contains("proposed by " + userOf(OFFICER) + " (Kutaisi), approved by "
                + userOf(BATUMI_SUPERVISOR));
        List<String> audited = api.get("/audit?since={since}&limit=500", ADMINISTRATOR, pair.registeredAt()).body()
            .valueStream().map(entry -> entry.get("user").asString() + " " + entry.get("action").asString()).toList();
        assertThat(audited).contains(userOf(OFFICER) + " proposed merging duplicate candidate " + id + " across offices",
                userOf(BATUMI_SUPERVISOR) + " approved merging duplicate candidate " + id + " proposed by "
                        + userOf(OFFICER));
        assertThat(api.post("/merge-proposals/" + id + "/approval", BATUMI_SUPERVISOR, Map.of()).status())
            .as("decided once").isEqualTo(409);
    }

    @Test
    void aRefusedMergeIsOpenAgainWithTheReasonAndNobodyApprovesTheirOwnProposal() {
        Pair pair = acrossOffices(1983);
        String id = pair.candidateId();
        String batumiBoth = TestTokens.municipalUser("nana.batumi", BATUMI, Role.REGISTRY_OFFICER, Role.SUPERVISOR);
        assertThat(api.post("/duplicate-candidates/" + id + "/resolution", batumiBoth,
                Map.of("outcome", "SAME_PERSON", "survivorMigrantId", pair.batumiMigrant())).status()).isEqualTo(200);

        ApiClient.Response own = api.post("/merge-proposals/" + id + "/approval",
                TestTokens.municipalUser("nana.batumi", BATUMI, Role.SUPERVISOR), Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body().toString()).contains("you proposed this merge");
        assertThat(api.post("/merge-proposals/" + id + "/refusal", SUPERVISOR, Map.of("reason", " ")).status())
            .as("a refusal says why").isEqualTo(400);

        ApiClient.Response refused = api.post("/merge-proposals/" + id + "/refusal", SUPERVISOR,
                Map.of("reason", "Our Gela was born in 1983 in Tskaltubo; Batumi's is his cousin"));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(200);
        assertThat(refused.body().get("status").asString()).isEqualTo("OPEN");
        assertThat(refused.body().get("proposal").isNull()).isTrue();
        JsonNode seenInBatumi = api.get("/duplicate-candidates/" + id, BATUMI_OFFICER).body();
        assertThat(seenInBatumi.get("note").asString()).isEqualTo("merge refused by " + userOf(SUPERVISOR)
                + ": Our Gela was born in 1983 in Tskaltubo; Batumi's is his cousin");
        assertThat(seenInBatumi.get("outcomes").valueStream().map(JsonNode::asString)).contains("NOT_THE_SAME_PERSON");
        assertThat(api.get("/households/" + pair.kutaisiHousehold(), OFFICER).status()).isEqualTo(200);
        assertThat(api.get("/households/" + pair.batumiHousehold(), BATUMI_OFFICER).status()).isEqualTo(200);
    }

    @Test
    void brothersSharingANumberAreNotFlagged() {
        Name name = Name.unique();
        String number = number();
        register(KUTAISI, migrant("ლევან", name.georgian(), null, 1986, "DE", "+49 " + number));

        JsonNode brother = register(KUTAISI, migrant("დავით", name.georgian(), null, 1988, "DE", "+49 " + number));

        assertThat(brother.get("possibleDuplicates")).isEmpty();
    }

    @Test
    void anErasedPersonsPairsGoWithThem() {
        Name name = Name.unique();
        register(KUTAISI, migrant("თამარ", name.georgian(), null, 1992, "TR", "+90 532 " + number().substring(4)));
        JsonNode second = register(KUTAISI, migrant("თამარ", name.georgian(), null, 1992, "TR",
                "+90 532 " + number().substring(4)));
        String id = second.at("/possibleDuplicates/0/inYourMunicipality/0/candidateId").asString();
        String request = api.deleteWithHeader("/households/{h}/migrants/{m}", OFFICER, "X-Purpose", "asked in person",
                second.get("id").asString(), second.at("/migrants/0/migrantId").asString()).body().get("id").asString();

        assertThat(api.post("/erasure-requests/" + request + "/approval", SUPERVISOR, Map.of()).status()).isEqualTo(200);

        assertThat(api.get("/duplicate-candidates/" + id, OFFICER).status()).isEqualTo(404);
    }

    @Test
    void aQueueRequestOutOfRangeNamesTheParameter() {
        ApiClient.Response tooBig = api.get("/duplicate-candidates?size=1000", OFFICER);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body().at("/errors/0/field").asString()).isEqualTo("size");
        ApiClient.Response unknownReason = api.get("/duplicate-candidates?reason=SAME_SHOES", OFFICER);
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.body().toString()).contains("reason");
        assertThat(api.get("/duplicate-candidates", TestTokens.municipal(Role.HOTLINE_AGENT, KUTAISI)).status())
            .isEqualTo(403);
    }

    /** Gela registered in Kutaisi in Georgian and in Batumi in Latin letters, with one number: a pair across offices. */
    private record Pair(Name name, String candidateId, String kutaisiHousehold, String kutaisiMigrant,
            String batumiHousehold, String batumiMigrant, Instant registeredAt) {
    }

    private Pair acrossOffices(int born) {
        Instant registeredAt = Instant.now().minusSeconds(1);
        Name name = Name.unique();
        String number = number();
        JsonNode kutaisi = register(KUTAISI, migrant("გელა", name.georgian(), null, born, "IT", "+39 " + number));
        JsonNode batumi = register(BATUMI, migrant(null, null, "Gela " + name.latin(), born, "IT", "0039 " + number));
        return new Pair(name, batumi.at("/possibleDuplicates/0/inOtherOffices/0/candidateId").asString(),
                kutaisi.get("id").asString(), kutaisi.at("/migrants/0/migrantId").asString(), batumi.get("id").asString(),
                batumi.at("/migrants/0/migrantId").asString(), registeredAt);
    }

    /** The user a test token names, as the service records it. */
    private static String userOf(String token) {
        return TestTokens.decoder().decode(token).getSubject();
    }

    /** A family name no other test or run uses, in Georgian letters and as it is spelt in Latin ones. */
    private record Name(String georgian, String latin) {

        static Name unique() {
            StringBuilder georgian = new StringBuilder("ბერი");
            StringBuilder latin = new StringBuilder("Beri");
            for (int i = 0; i < 6; i++) {
                String[] letter = LETTERS[ThreadLocalRandom.current().nextInt(LETTERS.length)];
                georgian.append(letter[0]).append("ა");
                latin.append(letter[1]).append("a");
            }
            return new Name(georgian.append("ძე").toString(), latin.append("dze").toString());
        }
    }

    /** A national number of ten digits, "345 xxx xxxx", unique enough for a run. */
    private static String number() {
        return "345 " + (100 + ThreadLocalRandom.current().nextInt(900)) + " "
                + (1000 + ThreadLocalRandom.current().nextInt(9000));
    }

    private JsonNode register(String municipality, Map<String, Object> migrant) {
        String token = TestTokens.municipal(Role.REGISTRY_OFFICER, municipality);
        ApiClient.Response response = api.post("/households", token, Map.of("municipalityCode", municipality,
                "informants", List.of(Map.of("name", "informant", "relation", "mother")), "migrants", List.of(migrant)));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private static Map<String, Object> migrant(String given, String family, String latin, int birthYear,
            String destination, String phone) {
        Map<String, Object> migrant = new HashMap<>();
        migrant.put("givenName", given);
        migrant.put("familyName", family);
        migrant.put("nameLatin", latin);
        migrant.put("sex", "MALE");
        migrant.put("birthYear", birthYear);
        migrant.put("destinationCountry", destination);
        migrant.put("lifecycleStage", "ABROAD");
        migrant.put("phones", List.of(phone));
        migrant.put("consent", Map.of("hotline", true, "outreach", true, "statistics", true));
        return migrant;
    }

    private static String csv(List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
            .setHeader("external_id", "household_ref", "municipality_code", "name_latin", "birth_year",
                    "destination_country", "phone", "informant_name", "informant_relation", "informant_phone", "sex",
                    "lifecycle_stage")
            .get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString();
    }

    private JsonNode awaitFinished(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = api.get("/imports/" + jobId, OFFICER).body().get("status").asString();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return api.get("/imports/" + jobId, OFFICER).body();
    }
}
