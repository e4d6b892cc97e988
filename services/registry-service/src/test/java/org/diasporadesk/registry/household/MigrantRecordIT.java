package org.diasporadesk.registry.household;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An officer keeps one migrant's record: corrections, consent, history, export and erasure. */
@ServiceIntegrationTest
class MigrantRecordIT {

    private static final String ZESTAPONI = "GE-IM-ZESTAPONI";
    private static final String OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, ZESTAPONI);
    private static final String SUPERVISOR = TestTokens.municipal(Role.SUPERVISOR, ZESTAPONI);
    private static final String PATH = "/households/{household}/migrants/{migrant}";

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
    void aCorrectionIsKeptInHistoryPublishedAndFoundBySearch() {
        JsonNode household = register("Goderdzi Kvaratskhelia", "599 30 00 01");
        String h = household.get("id").asString();
        String m = household.at("/migrants/0/migrantId").asString();
        Map<String, Object> details = details(household.at("/migrants/0"));
        details.put("destinationCountry", "IT");
        details.put("destinationCity", "Bologna");
        details.put("phones", List.of("+39 320 555 0101"));
        details.put("verification", Map.of("status", "VERIFIED", "lastConfirmedContact", "2026-11-22"));
        details.put("note", "the migrant, on the hotline");

        ApiClient.Response corrected = api.put(PATH, OFFICER, details, h, m);

        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(corrected.body().get("destinationCountry").asString()).isEqualTo("IT");
        assertThat(corrected.body().at("/phones/0").asString()).isEqualTo("+393205550101");
        assertThat(corrected.body().at("/consent/outreach").asBoolean()).as("consent is left alone").isTrue();

        JsonNode history = api.get(PATH + "/history", OFFICER, h, m).body();
        assertThat(history).hasSize(1);
        assertThat(history.at("/0/kind").asString()).isEqualTo("DETAILS");
        assertThat(history.at("/0/note").asString()).isEqualTo("the migrant, on the hotline");
        assertThat(history.at("/0/changedBy").asString()).isNotBlank();
        assertThat(history.get(0).get("changes").valueStream().map(change -> change.get("field").asString()))
            .containsExactly("destinationCountry", "destinationCity", "phones", "verification.status",
                    "verification.lastConfirmedContact");
        assertThat(corrected.body().at("/verification/status").asString()).isEqualTo("VERIFIED");
        assertThat(history.at("/0/changes/0/from").asString()).isEqualTo("GR");

        // Sequences count per topic: registration was 1 on each, the correction is 2 on each.
        HouseholdUpdated published = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 2).value(),
                HouseholdUpdated.class);
        assertThat(published.migrants().get(0).destinationCountry()).isEqualTo("IT");
        HouseholdStatisticsRecorded statistics = EventCodec.decode(awaitSequence(Topic.REGISTRY_STATISTICS, h, 2).value(),
                HouseholdStatisticsRecorded.class);
        assertThat(statistics.migrants().get(0).destinationCountry()).isEqualTo("IT");
        assertThat(api.get("/migrants?phone={p}", OFFICER, "0039 320 555 0101").body().at("/items/0/migrantId").asString())
            .isEqualTo(m);

        ApiClient.Response unchanged = api.put(PATH, OFFICER, details, h, m);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(api.get(PATH + "/history", OFFICER, h, m).body()).as("nothing changed, nothing recorded").hasSize(1);
    }

    @Test
    void consentIsWithdrawnPerPurposeAndTheWithdrawalIsRecorded() {
        JsonNode household = register("Nestan Abuladze", "599 30 00 02");
        String h = household.get("id").asString();
        String m = household.at("/migrants/0/migrantId").asString();

        ApiClient.Response withdrawn = api.put(PATH + "/consent/{purpose}", OFFICER,
                Map.of("granted", false, "note", "asked her sister to pass it on"), h, m, "outreach");

        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);
        assertThat(withdrawn.body().at("/consent/outreach").asBoolean()).isFalse();
        assertThat(withdrawn.body().at("/consent/hotline").asBoolean()).isTrue();
        JsonNode entry = api.get(PATH + "/history", OFFICER, h, m).body().get(0);
        assertThat(entry.get("kind").asString()).isEqualTo("CONSENT");
        assertThat(entry.at("/changes/0/field").asString()).isEqualTo("consent.outreach");
        assertThat(entry.at("/changes/0/to").asString()).isEqualTo("false");
        HouseholdUpdated published = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 2).value(),
                HouseholdUpdated.class);
        assertThat(published.migrants().get(0).consent().outreach()).isFalse();

        ApiClient.Response unknownPurpose = api.put(PATH + "/consent/{purpose}", OFFICER, Map.of("granted", true), h, m,
                "marketing");
        assertThat(unknownPurpose.status()).isEqualTo(400);
        assertThat(unknownPurpose.body().at("/errors/0/field").asString()).isEqualTo("purpose");
        ApiClient.Response noAnswer = api.put(PATH + "/consent/{purpose}", OFFICER, Map.of("note", "?"), h, m, "hotline");
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.body().at("/errors/0/field").asString()).isEqualTo("granted");
    }

    @Test
    void anOutreachOptOutWithdrawsTheConsentHereOnce() {
        JsonNode household = register("Tinatin Khoshtaria", "599 30 00 11");
        String h = household.get("id").asString();
        String m = household.at("/migrants/0/migrantId").asString();
        RecipientOptedOut optOut = new RecipientOptedOut(h, m, ZESTAPONI, "replied STOP by SMS", Instant.now());

        for (int i = 0; i < 2; i++) {
            KafkaProbe.publish(Topic.OUTREACH_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                    "/diaspora-desk/outreach-service", EventType.RECIPIENT_OPTED_OUT_V1.typeName(), Instant.now(), h,
                    ZESTAPONI, 1, EventCodec.encode(optOut)));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> !api.get(PATH + "/history", OFFICER, h, m).body().isEmpty());
        JsonNode history = api.get(PATH + "/history", OFFICER, h, m).body();
        assertThat(history).as("a redelivered opt-out changes nothing").hasSize(1);
        assertThat(history.at("/0/changedBy").asString()).isEqualTo("outreach-service");
        assertThat(history.at("/0/note").asString()).contains("replied STOP by SMS");
        assertThat(api.get("/households/" + h, OFFICER).body().at("/migrants/0/consent/outreach").asBoolean()).isFalse();
        HouseholdUpdated published = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 2).value(),
                HouseholdUpdated.class);
        assertThat(published.migrants().get(0).consent().outreach()).isFalse();
    }

    @Test
    void anExportHoldsTheRecordItsHistoryAndWhoReadItButNotTheFamilysContacts() {
        JsonNode household = register("Shalva Gogua", "599 30 00 03");
        String h = household.get("id").asString();
        String m = household.at("/migrants/0/migrantId").asString();
        api.getWithHeader("/households/" + h, OFFICER, "X-Purpose", "hotline callback");
        api.put(PATH + "/consent/{purpose}", OFFICER, Map.of("granted", false), h, m, "statistics");

        ApiClient.Response export = api.getWithHeader(PATH + "/export", OFFICER, "X-Purpose", "request for access", h, m);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().getFirst("Content-Disposition")).contains("migrant-" + m + ".json");
        JsonNode body = export.body();
        assertThat(body.at("/migrant/nameLatin").asString()).isEqualTo("Shalva Gogua");
        assertThat(body.at("/migrant/occupation").asString()).isEqualTo("electrician");
        assertThat(body.at("/migrant/skills/1").asString()).isEqualTo("solar panels");
        assertThat(body.at("/migrant/verification/status").asString()).isEqualTo("UNVERIFIED");
        assertThat(body.at("/source/informantName").asString()).isEqualTo("ნინო ბერიძე");
        assertThat(body.get("history")).hasSize(1);
        assertThat(body.get("reads").valueStream().map(read -> read.get("purpose").asString()))
            .contains("hotline callback");
        assertThat(body.toString()).doesNotContain("+995599300003");
        assertThat(api.get(PATH + "/export", TestTokens.municipal(Role.REGISTRY_OFFICER, "GE-IM-TERJOLA"), h, m).status())
            .as("another office's record answers like a missing one").isEqualTo(404);
    }

    @Test
    void erasureRemovesThePersonEverywhereHereAndTellsTheOtherServices() {
        JsonNode household = register("Ketevan Tsintsadze", "599 30 00 04");
        String h = household.get("id").asString();
        String m = household.at("/migrants/0/migrantId").asString();
        Map<String, Object> details = details(household.at("/migrants/0"));
        details.put("destinationCity", "Thessaloniki");
        api.put(PATH, OFFICER, details, h, m);

        ApiClient.Response requested = api.deleteWithHeader(PATH, OFFICER, "X-Purpose", "request in person, form 12",
                h, m);
        assertThat(requested.status()).isEqualTo(202);
        assertThat(api.get("/households/" + h, OFFICER).status()).as("nothing goes before a supervisor approves")
            .isEqualTo(200);
        ApiClient.Response erased = api.post("/erasure-requests/" + requested.body().get("id").asString() + "/approval",
                SUPERVISOR, Map.of());

        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
        assertThat(erased.body().get("status").asString()).isEqualTo("APPROVED");
        // On the personal topic: registration 1, correction 2, erasure 3.
        MigrantErased event = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 3).value(), MigrantErased.class);
        assertThat(event.migrantId()).isEqualTo(m);
        assertThat(event.householdErased()).isTrue();
        assertThat(api.get("/households/" + h, OFFICER).status()).isEqualTo(404);
        assertThat(api.get(PATH + "/history", OFFICER, h, m).status()).isEqualTo(404);
        assertThat(api.get("/migrants?name={n}", OFFICER, "Ketevan Tsintsadze").body().get("total").asLong()).isZero();
        assertThat(api.get("/migrants?phone={p}", OFFICER, phoneOf("599 30 00 04")).body().get("total").asLong()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.findById(h, Document.class, "households").toJson())
            .as("nothing personal is left, not even in unpublished events or history")
            .doesNotContain("Tsintsadze", "Thessaloniki", "Athens", "+306944300004", "+995599300004", "ნინო"));

        assertThat(mongo.count(new Query(Criteria.where("holders.migrantId").is(m)), "match_keys"))
            .as("her match keys are gone too").isZero();
        JsonNode again = register("Ketevan Tsintsadze", "599 30 00 04");
        assertThat(again.get("possibleDuplicates")).isEmpty();
        assertThat(api.deleteWithHeader(PATH, OFFICER, "X-Purpose", "again", h, m).status()).isEqualTo(404);
    }

    @Test
    void erasingOneMigrantKeepsTheRestOfTheHousehold() {
        Map<String, Object> body = HouseholdRegistrationIT.household(ZESTAPONI, "599 30 00 06");
        @SuppressWarnings("unchecked")
        List<Object> migrants = new java.util.ArrayList<>((List<Object>) body.get("migrants"));
        @SuppressWarnings("unchecked")
        Map<String, Object> sister = new HashMap<>((Map<String, Object>) migrants.get(0));
        sister.putAll(Map.of("givenName", "მაია", "nameLatin", "Maia Beridze", "sex", "FEMALE", "phones",
                List.of("+30 691 234 0006")));
        migrants.add(sister);
        body.put("migrants", migrants);
        JsonNode household = api.post("/households", OFFICER, body).body();
        String h = household.get("id").asString();

        erase(h, household.at("/migrants/0/migrantId").asString());

        JsonNode after = api.get("/households/" + h, OFFICER).body();
        assertThat(after.get("migrants")).hasSize(1);
        assertThat(after.at("/migrants/0/nameLatin").asString()).isEqualTo("Maia Beridze");
        assertThat(after.at("/informants/0/phone").asString()).isEqualTo("+995599300006");
        assertThat(EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 2).value(), MigrantErased.class)
            .householdErased()).isFalse();
        HouseholdUpdated remaining = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, h, 3).value(),
                HouseholdUpdated.class);
        assertThat(remaining.migrants()).extracting(HouseholdRegistered.Migrant::nameLatin).containsExactly("Maia Beridze");
    }

    @Test
    void anOfficerMergesADuplicateShownAtRegistrationAndNoContactIsLost() {
        JsonNode first = register("Avtandil Lordkipanidze", "599 30 00 08");
        Map<String, Object> body = HouseholdRegistrationIT.household(ZESTAPONI, "599 30 00 09");
        @SuppressWarnings("unchecked")
        Map<String, Object> again = (Map<String, Object>) ((List<?>) body.get("migrants")).get(0);
        again.putAll(Map.of("givenName", "ავთანდილ", "familyName", "ლორთქიფანიძე", "nameLatin", "Avtandil Lordkipanidze",
                "phones", List.of("+30 6944 30 00 09"), "consent", Map.of("hotline", true, "outreach", false,
                        "statistics", true)));
        body.put("informants", List.of(Map.of("name", "ეკა", "relation", "wife", "phone", "599 30 00 09")));
        JsonNode second = api.post("/households", OFFICER, body).body();
        String h = first.get("id").asString();
        String m = first.at("/migrants/0/migrantId").asString();
        String duplicateHousehold = second.get("id").asString();
        String duplicate = second.at("/migrants/0/migrantId").asString();
        assertThat(second.at("/possibleDuplicates/0/inYourMunicipality/0/migrantId").asString()).isEqualTo(m);

        ApiClient.Response merged = api.post("/households/" + h + "/migrants/" + m + "/merge", OFFICER,
                Map.of("duplicateHouseholdId", duplicateHousehold, "duplicateMigrantId", duplicate, "note", "same passport"));

        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        assertThat(merged.body().get("phones").valueStream().map(JsonNode::asString))
            .containsExactly("+306944300008", "+306944300009");
        assertThat(merged.body().at("/consent/outreach").asBoolean()).as("a withdrawal on either record wins").isFalse();
        JsonNode survivor = api.get("/households/" + h, OFFICER).body();
        assertThat(survivor.get("informants").valueStream().map(i -> i.get("relation").asString()))
            .containsExactly("mother", "wife");
        assertThat(api.get("/households/" + duplicateHousehold, OFFICER).status()).isEqualTo(404);
        assertThat(api.get("/migrants?phone={p}", OFFICER, "+30 6944 30 00 09").body().at("/items/0/migrantId").asString())
            .isEqualTo(m);
        assertThat(api.get(PATH + "/history", OFFICER, h, m).body().at("/0/kind").asString()).isEqualTo("MERGED");
        MigrantsMerged event = EventCodec.decode(awaitSequence(Topic.REGISTRY_PEOPLE, duplicateHousehold, 2).value(),
                MigrantsMerged.class);
        assertThat(event.survivingMigrantId()).isEqualTo(m);
        assertThat(event.householdEmptied()).isTrue();

        ApiClient.Response twice = api.post("/households/" + h + "/migrants/" + m + "/merge", OFFICER,
                Map.of("duplicateHouseholdId", duplicateHousehold, "duplicateMigrantId", duplicate));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().at("/errors/0/field").asString()).isEqualTo("duplicateHouseholdId");
        ApiClient.Response itself = api.post("/households/" + h + "/migrants/" + m + "/merge", OFFICER,
                Map.of("duplicateHouseholdId", h, "duplicateMigrantId", m));
        assertThat(itself.status()).isEqualTo(400);
        assertThat(itself.body().at("/errors/0/field").asString()).isEqualTo("duplicateMigrantId");
    }

    @Test
    void invalidCorrectionsAreRefusedNamingTheFieldAndChangeNothing() {
        JsonNode household = register("Zurab Japaridze", "599 30 00 07");
        String h = household.get("id").asString();
        String m = household.at("/migrants/0/migrantId").asString();
        Map<String, Object> details = details(household.at("/migrants/0"));
        details.put("phones", List.of("12"));

        ApiClient.Response badPhone = api.put(PATH, OFFICER, details, h, m);

        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().at("/errors/0/field").asString()).isEqualTo("phones[0]");
        assertThat(api.get(PATH + "/history", OFFICER, h, m).body()).isEmpty();
        Map<String, Object> future = details(household.at("/migrants/0"));
        future.put("verification", Map.of("status", "VERIFIED", "lastConfirmedContact", "2999-01-01"));
        ApiClient.Response fromTheFuture = api.put(PATH, OFFICER, future, h, m);
        assertThat(fromTheFuture.status()).isEqualTo(400);
        assertThat(fromTheFuture.body().at("/errors/0/field").asString()).isEqualTo("verification.lastConfirmedContact");
        assertThat(api.put(PATH, OFFICER, details(household.at("/migrants/0")), h, "no-such-migrant").status())
            .isEqualTo(404);
        assertThat(api.put(PATH, TestTokens.regional(Role.REGIONAL_PLANNER, "GE-IM"), details(household.at("/migrants/0")),
                h, m).status()).isEqualTo(403);
    }

    /** A household with one migrant; the migrant's Greek number is derived from the informant's, so each is unique. */
    /**
     * Four eyes: the officer who asks cannot approve, not even holding a supervisor's role too; an officer cannot
     * approve, nor another office's supervisor; a refused request erases nothing; both steps are audited.
     */
    @Test
    void anErasureIsCarriedOutOnlyWhenASecondPersonASupervisorOfTheOfficeApprovesIt() {
        Instant before = Instant.now();
        JsonNode household = register("Tamta Kobakhidze", "599 30 00 08");
        String h = household.get("id").asString();
        String m = household.at("/migrants/0/migrantId").asString();
        String headOfOffice = TestTokens.municipalUser("tamar@" + ZESTAPONI, ZESTAPONI, Role.REGISTRY_OFFICER,
                Role.SUPERVISOR);

        String id = api.deleteWithHeader(PATH, headOfOffice, "X-Purpose", "her letter of 3 December", h, m).body()
            .get("id").asString();

        assertThat(api.deleteWithHeader(PATH, OFFICER, "X-Purpose", "asked again", h, m).body().get("id").asString())
            .as("one request per person while it waits").isEqualTo(id);
        ApiClient.Response own = api.post("/erasure-requests/" + id + "/approval", headOfOffice, Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body().at("/errors/0/field").asString()).isEqualTo("requestedBy");
        assertThat(api.post("/erasure-requests/" + id + "/approval", OFFICER, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/erasure-requests/" + id + "/approval",
                TestTokens.municipal(Role.SUPERVISOR, "GE-AJ-BATUMI"), Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/erasure-requests", SUPERVISOR).body().valueStream().map(r -> r.get("id").asString()))
            .contains(id);

        ApiClient.Response refused = api.post("/erasure-requests/" + id + "/refusal", SUPERVISOR,
                Map.of("reason", "the letter is not signed by her"));
        assertThat(refused.body().get("status").asString()).isEqualTo("REFUSED");
        assertThat(api.get("/households/" + h, OFFICER).status()).isEqualTo(200);
        assertThat(api.post("/erasure-requests/" + id + "/approval", SUPERVISOR, Map.of()).status()).isEqualTo(409);

        erase(h, m);
        assertThat(api.get("/households/" + h, OFFICER).status()).isEqualTo(404);
        JsonNode trail = api.get("/audit?since={since}", TestTokens.national(Role.ADMINISTRATOR), before.toString())
            .body();
        assertThat(trail.valueStream().map(entry -> entry.get("user").asString() + ": " + entry.get("action")
            .asString())).anyMatch(line -> line.startsWith("tamar@" + ZESTAPONI + ": requested erasure " + id))
            .anyMatch(line -> line.equals("supervisor@" + ZESTAPONI + ": refused erasure " + id))
            .anyMatch(line -> line.startsWith("supervisor@" + ZESTAPONI + ": approved erasure ")
                    && line.endsWith("requested by registry_officer@" + ZESTAPONI));
    }

    /** An officer asks, the office's supervisor approves. */
    private void erase(String householdId, String migrantId) {
        ApiClient.Response requested = api.deleteWithHeader(PATH, OFFICER, "X-Purpose", "request", householdId,
                migrantId);
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(202);
        ApiClient.Response approved = api.post("/erasure-requests/" + requested.body().get("id").asString()
                + "/approval", SUPERVISOR, Map.of());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    }

    private JsonNode register(String nameLatin, String informantPhone) {
        Map<String, Object> body = HouseholdRegistrationIT.household(ZESTAPONI, informantPhone);
        @SuppressWarnings("unchecked")
        Map<String, Object> migrant = (Map<String, Object>) ((List<?>) body.get("migrants")).get(0);
        String[] parts = nameLatin.split(" ");
        migrant.put("nameLatin", nameLatin);
        migrant.put("givenName", parts[0]);
        migrant.put("familyName", parts[1]);
        migrant.put("phones", List.of(phoneOf(informantPhone)));
        migrant.put("occupation", "electrician");
        migrant.put("skills", List.of("wiring", "solar panels"));
        migrant.put("messengers", List.of("WhatsApp " + phoneOf(informantPhone)));
        body.put("provenance", Map.of("informantName", "ნინო ბერიძე", "collectedOn", "2026-11-20"));
        ApiClient.Response created = api.post("/households", OFFICER, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    /** "599 30 00 04" gives the migrant "+30 6944 30 00 04". */
    private static String phoneOf(String informantPhone) {
        return "+30 6944 " + informantPhone.substring(4);
    }

    /** The migrant's details as the API returned them, as a correction body. */
    private static Map<String, Object> details(JsonNode migrant) {
        Map<String, Object> details = new HashMap<>();
        for (String field : List.of("givenName", "familyName", "nameLatin", "sex", "destinationCountry",
                "destinationCity", "lifecycleStage", "preferredLanguage", "email")) {
            if (migrant.hasNonNull(field)) {
                details.put(field, migrant.get(field).asString());
            }
        }
        if (migrant.hasNonNull("birthYear")) {
            details.put("birthYear", migrant.get("birthYear").asInt());
        }
        details.put("phones", migrant.get("phones").valueStream().map(JsonNode::asString).toList());
        for (String list : List.of("messengers", "skills")) {
            details.put(list, migrant.get(list).valueStream().map(JsonNode::asString).toList());
        }
        for (String field : List.of("occupation", "education")) {
            if (migrant.hasNonNull(field)) {
                details.put(field, migrant.get(field).asString());
            }
        }
        details.put("verification", Map.of("status", migrant.at("/verification/status").asString()));
        return details;
    }

    private static ConsumerRecord<String, byte[]> awaitSequence(Topic topic, String householdId, int sequence) {
        return KafkaProbe.awaitRecord(topic.topicName(), record -> householdId.equals(record.key())
                && String.valueOf(sequence).equals(KafkaProbe.header(record, "ce_sequence")), Duration.ofSeconds(15));
    }
}
