package org.diasporadesk.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Families at home as the model project served them, through the running stack: Kutaisi's office registers
 * households with consenting family members (one at the desk, the rest from a file), the coordinator invites the
 * families of migrants in Italy across Imereti to a remittance training, enrols them, reminds them and records who
 * came, and the regional planner sees them in the figures under disclosure control. A brother's STOP withdraws his
 * consent and nobody else's; his erasure leaves nothing of him in any service.
 */
class FamiliesIT {

    /** The defaults shifted clear of a developer's own stack, the other stack tests and the ephemeral ports. */
    private static final int PORT_OFFSET = 8_000;
    private static final int IMPORTED = 8;

    /** Giorgi, Tamar's brother at home, who says STOP and later asks to be forgotten. */
    private static final Footprint GIORGI = new Footprint(List.of("Giorgi Kapanadze-Family", "გიორგი კაპანაძე"),
            List.of("599461002"));

    @TempDir
    Path data;

    @Test
    void familiesOfMigrantsInItalyAreInvitedEnrolledRemindedCountedAndForgotten() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        StackApi api = new StackApi(config);
        try (LocalStack stack = LocalStack.start(config)) {
            String officer = api.token("registry-officer");
            String coordinator = api.token("outreach-coordinator");

            // At the desk: Tamar in Rome, her mother and her brother, each consenting for themselves.
            JsonNode household = StackApi.body(api.post("registry-service", "/households", officer, """
                    {"municipalityCode": "GE-IM-KUTAISI", "locality": "Kutaisi, Chavchavadze St 5",
                     "informants": [
                       {"name": "Eteri Kapanadze", "relation": "mother", "phone": "599 46 10 01", "sex": "FEMALE",
                        "preferredLanguage": "ka", "consent": {"hotline": true, "outreach": true, "statistics": true}},
                       {"name": "Giorgi Kapanadze-Family", "relation": "brother", "phone": "599 46 10 02",
                        "sex": "MALE", "preferredLanguage": "ka",
                        "consent": {"hotline": true, "outreach": true, "statistics": true}}],
                     "migrants": [{"givenName": "თამარ", "familyName": "კაპანაძე", "nameLatin": "Tamar Kapanadze",
                       "sex": "FEMALE", "birthYear": 1990, "destinationCountry": "IT", "destinationCity": "Rome",
                       "lifecycleStage": "ABROAD", "phones": ["+39 320 461 0003"],
                       "consent": {"hotline": true, "outreach": true, "statistics": true}}]}"""), 201);
            String householdId = household.get("id").asString();
            String mother = household.at("/informants/0/familyMemberId").asString();
            String brother = household.at("/informants/1/familyMemberId").asString();
            String tamar = household.at("/migrants/0/migrantId").asString();

            // From a file: eight more families of migrants in Italy, one mother without consent to outreach, and one
            // family of a migrant in Germany; a file without the family columns stays valid.
            StringBuilder file = new StringBuilder("external_id,household_ref,municipality_code,given_name,sex,"
                    + "destination_country,lifecycle_stage,consent_outreach,informant_name,informant_relation,"
                    + "informant_phone,informant_sex,informant_consent_outreach,informant_consent_statistics\n");
            IntStream.range(0, IMPORTED).forEach(i -> file.append("fam-%d,F-%d,GE-IM-KUTAISI,Migrant %d,M,IT,abroad,yes,"
                .formatted(i, i, i) + "Mother %d,mother,599 46 2%d 0%d,F,%s,yes\n".formatted(i, i, i,
                        i == 0 ? "no" : "yes")));
            file.append("fam-de,F-de,GE-IM-KUTAISI,Migrant de,M,DE,abroad,yes,Mother de,mother,599 46 30 01,F,yes,yes\n");
            String job = StackApi.body(api.postCsv("registry-service", "/imports", officer, file.toString()), 202)
                .get("id").asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("registry-service", "/imports/" + job, officer)
                .get("status").asString().equals("COMPLETED"));
            StackApi.body(api.postCsv("registry-service", "/imports", officer, """
                    external_id,household_ref,municipality_code,given_name,sex,destination_country,lifecycle_stage,informant_name,informant_relation,informant_phone
                    old-1,F-old,GE-IM-KUTAISI,Old file,M,IT,abroad,An informant,father,599 46 40 01
                    """), 202);

            String families = "{\"audience\": \"FAMILIES\", \"destinationCountries\": [\"IT\"]}";
            await().atMost(Duration.ofSeconds(30)).until(() -> StackApi.body(api.post("outreach-service",
                    "/segments/preview", coordinator, "{\"area\": \"GE-IM\", \"criteria\": " + families + "}"), 200)
                .get("recipients").asLong() == 2 + IMPORTED - 1);
            String segment = StackApi.body(api.post("outreach-service", "/segments", coordinator,
                    "{\"name\": \"Families of migrants in Italy\", \"area\": \"GE-IM\", \"criteria\": " + families + "}"),
                    201).at("/segment/id").asString();
            Instant startsAt = Instant.now().plus(Duration.ofSeconds(45));
            String campaign = StackApi.body(api.post("outreach-service", "/campaigns", coordinator, """
                    {"kind": "TRAINING", "title": "Remittances and a small business", "ownerArea": "GE-IM",
                     "segmentId": "%s", "channels": ["SMS"], "fallbackLanguage": "ka", "answerOptions": ["YES", "NO"],
                     "templates": {"ka": {"body": "{name}, გიწვევთ ტრენინგზე: {campaign}. უპასუხეთ YES"}},
                     "sessions": [{"startsAt": "%s", "place": "Kutaisi, town hall", "capacity": 20}],
                     "reminders": [{"hoursBefore": 2, "templates": {"ka": {"body": "შეხსენება, {name}: {campaign}"}}}]}"""
                .formatted(segment, startsAt)), 201).get("id").asString();
            StackApi.body(api.post("outreach-service", "/campaigns/" + campaign + "/launch", coordinator, "{}"), 200);
            String session = api.get("outreach-service", "/campaigns/" + campaign, coordinator)
                .at("/campaign/sessions/0/id").asString();
            String sessionPath = "/campaigns/" + campaign + "/sessions/" + session;

            List<String> coming = new ArrayList<>(List.of(mother, brother));
            for (String recipient : recipientsOf(api, coordinator, campaign)) {
                if (coming.size() < 6 && !coming.contains(recipient)) {
                    coming.add(recipient);
                }
            }
            for (String person : coming) {
                assertThat(StackApi.body(api.post("outreach-service", sessionPath + "/enrolments", coordinator,
                        "{\"migrantId\": \"" + person + "\"}"), 201).get("standing").asString()).isEqualTo("ENROLLED");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("outreach-service", "/campaigns/" + campaign
                    + "/messages", coordinator).valueStream().filter(message -> message.hasNonNull("reminder"))
                .count() == coming.size());

            // Giorgi answers the invitation with STOP: his own consent goes, his mother's and sister's stay.
            assertThat(api.postWithHeader("outreach-service", "/providers/sms/replies", "X-Callback-Token",
                    "local-callback-token", "{\"from\": \"+995599461002\", \"text\": \"STOP\"}").statusCode())
                .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("registry-service", "/households/"
                    + householdId, officer).at("/informants/1/consent/outreach").asBoolean());
            JsonNode after = api.get("registry-service", "/households/" + householdId, officer);
            assertThat(after.at("/informants/0/consent/outreach").asBoolean()).as("his mother's").isTrue();
            assertThat(after.at("/migrants/0/consent/outreach").asBoolean()).as("his sister's").isTrue();
            assertThat(api.get("registry-service", "/households/" + householdId + "/family-members/" + brother
                    + "/history", officer).at("/0/changedBy").asString()).isEqualTo("outreach-service");

            await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(startsAt));
            for (String person : coming) {
                assertThat(api.put("outreach-service", sessionPath + "/attendance/" + person, coordinator,
                        "{\"attended\": true}").statusCode()).isEqualTo(204);
            }

            // The regional planner sees the families who came, rounded and only where enough of them did.
            String planner = api.token("regional-planner");
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("reporting-service",
                    "/figures/outreach?area=GE-IM", planner).at("/families/attended/suppressed").asBoolean(true));
            JsonNode figures = api.get("reporting-service", "/figures/outreach?area=GE-IM", planner).get("families");
            assertThat(figures.at("/enrolled/value").asLong()).as("six, rounded to a multiple of 5").isIn(5L, 10L);
            assertThat(figures.at("/attended/value").asLong()).isIn(5L, 10L);
            assertThat(api.get("reporting-service", "/figures/outreach?area=GE-IM", planner).toString())
                .doesNotContain(mother, brother, "Kapanadze");

            assertThat(PersonalDataInventory.read(config.repositoryRoot()).undeclared(config.mongoUri()))
                .as("collections and fields docs/personal-data.yml does not declare").isEmpty();
            // Outreach holds his copies of the messages only if they went (not in the night's quiet hours at home).
            assertThat(GIORGI.inStores(config.mongoUri())).as("his footprint before the erasure")
                .extracting(trace -> trace.where().substring(0, trace.where().indexOf('.')))
                .contains("registry", "hotline");

            // Giorgi asks to be forgotten: his entry goes everywhere, Tamar and Eteri stay.
            String request = StackApi.body(api.delete("registry-service", "/households/" + householdId
                    + "/family-members/" + brother, officer), 202).get("id").asString();
            StackApi.body(api.post("registry-service", "/erasure-requests/" + request + "/approval",
                    api.token("supervisor"), "{}"), 200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(GIORGI.inStores(config.mongoUri())).as("traces of Giorgi left in the databases")
                        .isEmpty());
            assertThat(api.get("registry-service", "/households/" + householdId, officer).at("/migrants/0/migrantId")
                .asString()).isEqualTo(tamar);
            assertThat(api.get("outreach-service", sessionPath, coordinator).get("enrolled").findValuesAsString(
                    "migrantId")).contains(mother).doesNotContain(brother);
        }
    }

    /** The people the campaign wrote to. */
    private static List<String> recipientsOf(StackApi api, String coordinator, String campaign) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("outreach-service", "/campaigns/" + campaign
                + "/messages", coordinator).size() == 2 + IMPORTED - 1);
        return api.get("outreach-service", "/campaigns/" + campaign + "/messages", coordinator)
            .findValuesAsString("migrantId");
    }
}
