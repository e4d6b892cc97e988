package org.diasporadesk.registry.household;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.FamilyMemberProfile;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Family members at home are people of their own: consent per purpose with history and withdrawal, an opt-out that
 * withdraws only theirs, correction, export, erasure, import columns, and figures that count them by relation and sex
 * only.
 */
@ServiceIntegrationTest
class FamilyMemberIT {

    private static final String KHONI = "GE-IM-KHONI";
    private static final String OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, KHONI);
    private static final String SUPERVISOR = TestTokens.municipal(Role.SUPERVISOR, KHONI);
    private static final String OTHER_OFFICE = TestTokens.municipal(Role.REGISTRY_OFFICER, "GE-IM-TKIBULI");
    private static final String MEMBER = "/households/{household}/family-members/{member}";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void twoFamilyMembersAreRegisteredWithTheirOwnConsentAndCountedByRelationAndSexOnly() {
        JsonNode household = registerWithFamily("599 40 00 01", "599 40 00 02");
        String h = household.get("id").asString();

        JsonNode mother = household.at("/informants/0");
        JsonNode brother = household.at("/informants/1");
        assertThat(mother.get("familyMemberId").asString()).isNotBlank().isNotEqualTo(brother.get("familyMemberId")
            .asString());
        assertThat(mother.at("/consent/outreach").asBoolean()).isTrue();
        assertThat(brother.at("/consent/statistics").asBoolean()).isFalse();
        assertThat(brother.get("preferredLanguage").asString()).isEqualTo("ru");

        HouseholdRegistered published = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 1).value(),
                HouseholdRegistered.class);
        assertThat(published.informants()).extracting(HouseholdRegistered.Informant::familyMemberId)
            .containsExactly(mother.get("familyMemberId").asString(), brother.get("familyMemberId").asString());
        assertThat(published.informants().get(1).consent().outreach()).isTrue();
        assertThat(published.informants().get(1).phone()).isEqualTo("+995599400002");
        HouseholdStatisticsRecorded statistics = EventCodec.decode(
                awaitSequence(Topic.REGISTRY_STATISTICS, h, 1).value(), HouseholdStatisticsRecorded.class);
        assertThat(statistics.familyMembers()).as("only the mother consented to statistics")
            .containsExactly(new FamilyMemberProfile(FamilyRelation.PARENT, Sex.FEMALE));
        assertThat(new String(awaitSequence(Topic.REGISTRY_STATISTICS, h, 1).value()))
            .doesNotContain("Lia", "599", "mother", mother.get("familyMemberId").asString());
    }

    @Test
    void consentIsTheFamilyMembersOwnAndItsHistoryKept() {
        JsonNode household = registerWithFamily("599 40 00 11", "599 40 00 12");
        String h = household.get("id").asString();
        String mother = household.at("/informants/0/familyMemberId").asString();

        ApiClient.Response withdrawn = api.put(MEMBER + "/consent/{purpose}", OFFICER,
                Map.of("granted", false, "note", "she asked at the office"), h, mother, "hotline");

        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);
        assertThat(withdrawn.body().at("/consent/hotline").asBoolean()).isFalse();
        assertThat(withdrawn.body().at("/consent/outreach").asBoolean()).isTrue();
        JsonNode after = api.get("/households/" + h, OFFICER).body();
        assertThat(after.at("/informants/1/consent/hotline").asBoolean()).as("the brother's stays").isTrue();
        assertThat(after.at("/migrants/0/consent/hotline").asBoolean()).as("the migrant's stays").isTrue();
        JsonNode history = api.get(MEMBER + "/history", OFFICER, h, mother).body();
        assertThat(history).hasSize(1);
        assertThat(history.at("/0/kind").asString()).isEqualTo("CONSENT");
        assertThat(history.at("/0/changes/0/field").asString()).isEqualTo("consent.hotline");
        assertThat(history.at("/0/note").asString()).isEqualTo("she asked at the office");
        HouseholdUpdated published = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 2).value(),
                HouseholdUpdated.class);
        assertThat(published.informants().get(0).consent().hotline()).isFalse();

        assertThat(api.put(MEMBER + "/consent/{purpose}", OTHER_OFFICE, Map.of("granted", true), h, mother, "hotline")
            .status()).as("another office's family answers like a missing one").isEqualTo(404);
        assertThat(api.put(MEMBER + "/consent/{purpose}", OFFICER, Map.of("granted", true), h, mother, "sms")
            .body().at("/errors/0/field").asString()).isEqualTo("purpose");
    }

    @Test
    void anOptOutWithdrawsOnlyThatFamilyMembersConsentOnce() {
        JsonNode household = registerWithFamily("599 40 00 21", "599 40 00 22");
        String h = household.get("id").asString();
        String brother = household.at("/informants/1/familyMemberId").asString();
        RecipientOptedOut optOut = new RecipientOptedOut(h, brother, KHONI, "replied STOP by SMS", Instant.now(),
                PersonKind.FAMILY_MEMBER);

        for (int i = 0; i < 2; i++) {
            KafkaProbe.publish(Topic.OUTREACH_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                    "/diaspora-desk/outreach-service", EventType.RECIPIENT_OPTED_OUT_V1.typeName(), Instant.now(), h,
                    KHONI, 1, EventCodec.encode(optOut)));
        }

        await().atMost(Duration.ofSeconds(15))
            .until(() -> !api.get(MEMBER + "/history", OFFICER, h, brother).body().isEmpty());
        assertThat(api.get(MEMBER + "/history", OFFICER, h, brother).body()).as("a redelivery changes nothing")
            .hasSize(1);
        JsonNode after = api.get("/households/" + h, OFFICER).body();
        assertThat(after.at("/informants/1/consent/outreach").asBoolean()).isFalse();
        assertThat(after.at("/informants/0/consent/outreach").asBoolean()).as("the mother's stays").isTrue();
        assertThat(after.at("/migrants/0/consent/outreach").asBoolean()).as("the migrant's stays").isTrue();
    }

    @Test
    void anotherFamilyMemberIsRecordedCorrectedAndExported() {
        JsonNode household = registerWithFamily("599 40 00 31", "599 40 00 32");
        String h = household.get("id").asString();

        ApiClient.Response added = api.post("/households/" + h + "/family-members", OFFICER, Map.of("name",
                "Manana Gelashvili", "relation", "wife", "phone", "599 40 00 33", "sex", "FEMALE",
                "consent", Map.of("hotline", true, "outreach", true, "statistics", true),
                "note", "came to the training day"));

        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        String wife = added.body().get("familyMemberId").asString();
        assertThat(added.headers().getLocation()).hasToString("/households/" + h + "/family-members/" + wife);
        assertThat(api.get("/households/" + h, OFFICER).body().get("informants")).hasSize(3);
        ApiClient.Response corrected = api.put(MEMBER, OFFICER, Map.of("name", "Manana Gelashvili", "relation", "wife",
                "phone", "+995 599 40 00 34", "sex", "FEMALE", "note", "new number"), h, wife);
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(corrected.body().get("phone").asString()).isEqualTo("+995599400034");
        assertThat(corrected.body().at("/consent/outreach").asBoolean()).as("consent is left alone").isTrue();

        JsonNode export = api.getWithHeader(MEMBER + "/export", OFFICER, "X-Purpose", "her request", h, wife).body();
        assertThat(export.at("/familyMember/name").asString()).isEqualTo("Manana Gelashvili");
        assertThat(export.get("history").valueStream().map(entry -> entry.get("kind").asString()))
            .containsExactly("CONSENT", "DETAILS");
        assertThat(export.toString()).as("the migrants' data is not hers").doesNotContain("Beridze", "+30");
        HouseholdStatisticsRecorded statistics = EventCodec.decode(
                awaitSequence(Topic.REGISTRY_STATISTICS, h, 2).value(), HouseholdStatisticsRecorded.class);
        assertThat(statistics.familyMembers()).containsExactly(new FamilyMemberProfile(FamilyRelation.PARENT, Sex.FEMALE),
                new FamilyMemberProfile(FamilyRelation.SPOUSE, Sex.FEMALE));
    }

    @Test
    void anErasedFamilyMemberIsGoneEverywhereHereAndTheOthersStay() {
        JsonNode household = registerWithFamily("599 40 00 41", "599 40 00 42");
        String h = household.get("id").asString();
        String brother = household.at("/informants/1/familyMemberId").asString();
        api.put(MEMBER + "/consent/{purpose}", OFFICER, Map.of("granted", false), h, brother, "hotline");

        ApiClient.Response requested = api.deleteWithHeader(MEMBER, OFFICER, "X-Purpose", "his request by phone", h,
                brother);
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(202);
        assertThat(api.get("/households/" + h, OFFICER).body().get("informants")).as("not before a supervisor approves")
            .hasSize(2);
        ApiClient.Response approved = api.post("/erasure-requests/" + requested.body().get("id").asString()
                + "/approval", SUPERVISOR, Map.of());

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        // On the personal topic: registration 1, consent 2, erasure 3, the household without him 4.
        FamilyMemberErased erased = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 3).value(),
                FamilyMemberErased.class);
        assertThat(erased.familyMemberId()).isEqualTo(brother);
        HouseholdUpdated remaining = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 4).value(),
                HouseholdUpdated.class);
        assertThat(remaining.informants()).extracting(HouseholdRegistered.Informant::name).containsExactly("Lia Gelashvili");
        ErasureRecorded ledger = EventCodec.decode(KafkaProbe.awaitRecord(Topic.REGISTRY_ERASURES.topicName(),
                record -> h.equals(record.key()), Duration.ofSeconds(15)).value(), ErasureRecorded.class);
        assertThat(ledger.migrantId()).isEqualTo(brother);
        assertThat(ledger.personKind()).isEqualTo(PersonKind.FAMILY_MEMBER);
        assertThat(ledger.householdErased()).isFalse();

        JsonNode after = api.get("/households/" + h, OFFICER).body();
        assertThat(after.get("migrants")).hasSize(1);
        assertThat(after.get("informants")).hasSize(1);
        assertThat(api.get(MEMBER + "/history", OFFICER, h, brother).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.findById(h, Document.class, "households").toJson())
            .as("nothing of him is left, not in history nor in unpublished events")
            .doesNotContain("Davit Gelashvili", "599400042", brother));
    }

    @Test
    void importedInformantsBringTheirConsentAndAnOddValueCostsNobody() {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        String csv = "household_ref,external_id,municipality_code,given_name,sex,lifecycle_stage,informant_name,"
                + "informant_relation,informant_phone,informant_sex,informant_language,informant_consent_outreach,"
                + "informant_consent_hotline\n"
                + "F-" + ref + "-1," + ref + "-1," + KHONI + ",Levan,M,abroad,Nana Kiknadze,mother,599 40 01 01,F,ka,"
                + "yes,no\n"
                + "F-" + ref + "-2," + ref + "-2," + KHONI + ",Irakli,M,abroad,Eka Kiknadze,sister,599 40 01 02,"
                + "woman,ka,maybe,yes\n";

        String jobId = api.postCsv("/imports", OFFICER, csv).body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/imports/" + jobId, OFFICER).body().get("status")
            .asString().equals("COMPLETED"));

        JsonNode job = api.get("/imports/" + jobId, OFFICER).body();
        assertThat(job.get("rowsImported").asLong()).as("an informant's odd values cost no migrant").isEqualTo(2);
        assertThat(api.getText("/imports/" + jobId + "/warnings", OFFICER).lines().toList())
            .anySatisfy(line -> assertThat(line).startsWith("3,informant_sex,woman,"))
            .anySatisfy(line -> assertThat(line).startsWith("3,informant_consent_outreach,maybe,"));
        JsonNode nana = informantOf("Levan");
        assertThat(nana.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(nana.at("/consent/outreach").asBoolean()).isTrue();
        assertThat(nana.at("/consent/hotline").asBoolean()).isFalse();
        JsonNode eka = informantOf("Irakli");
        assertThat(eka.get("sex").isNull()).isTrue();
        assertThat(eka.at("/consent/outreach").asBoolean()).as("unreadable consent is no consent").isFalse();
        assertThat(eka.at("/consent/hotline").asBoolean()).isTrue();
    }

    private JsonNode informantOf(String givenName) {
        String householdId = api.get("/migrants?name={n}", OFFICER, givenName).body().at("/items/0/householdId")
            .asString();
        return api.get("/households/" + householdId, OFFICER).body().at("/informants/0");
    }

    private JsonNode registerWithFamily(String motherPhone, String brotherPhone) {
        Map<String, Object> body = HouseholdRegistrationIT.household(KHONI, motherPhone);
        body.put("informants", List.of(
                Map.of("name", "Lia Gelashvili", "relation", "mother", "phone", motherPhone, "sex", "FEMALE",
                        "preferredLanguage", "ka", "consent", Map.of("hotline", true, "outreach", true,
                                "statistics", true)),
                Map.of("name", "Davit Gelashvili", "relation", "brother", "phone", brotherPhone, "sex", "MALE",
                        "preferredLanguage", "ru", "consent", Map.of("hotline", true, "outreach", true,
                                "statistics", false))));
        ApiClient.Response created = api.post("/households", OFFICER, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private static ConsumerRecord<String, byte[]> awaitSequence(Topic topic, String householdId, int sequence) {
        return KafkaProbe.awaitRecord(topic.topicName(), record -> householdId.equals(record.key())
                && String.valueOf(sequence).equals(KafkaProbe.header(record, "ce_sequence")), Duration.ofSeconds(15));
    }
}
