package org.diasporadesk.hotline.callers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.GoldenSamples;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.hotline.callers.application.CallerDirectory;
import org.diasporadesk.hotline.callers.application.KnownCaller;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestMetrics;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class CallerRecognitionIT {

    private static final String KUTAISI_AGENT = TestTokens.municipal(Role.HOTLINE_AGENT, "GE-IM-KUTAISI");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CallerDirectory directory;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void recognisesTheMigrantAndTheInformantFromTheirNumbersInAnyFormat() {
        publish(household("+306912345001", "+995599100001"), 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !candidates("+30 691 234 5001", KUTAISI_AGENT).isEmpty());
        JsonNode migrant = candidates("0030 691 234 5001", KUTAISI_AGENT).get(0);
        assertThat(migrant.get("kind").asString()).isEqualTo("MIGRANT");
        assertThat(migrant.get("name").asString()).contains("Vakhtang Beridze");
        JsonNode informant = candidates("599 10 00 01", KUTAISI_AGENT).get(0);
        assertThat(informant.get("kind").asString()).isEqualTo("INFORMANT");
        assertThat(informant.get("relation").asString()).isEqualTo("mother");
    }

    @Test
    void aFamilyMemberIsRecognisedWithTheirMigrantsAndForgottenWhenErased() {
        HouseholdRegistered base = household("+306912345011", "+995599100011");
        String mother = UUID.randomUUID().toString();
        String brother = UUID.randomUUID().toString();
        HouseholdRegistered household = new HouseholdRegistered(base.householdId(), base.municipalityCode(),
                base.locality(), List.of(
                        new HouseholdRegistered.Informant("Nino Beridze", "mother", "+995599100011", mother,
                                Sex.FEMALE, "ka", new HouseholdRegistered.Consent(true, false, false)),
                        new HouseholdRegistered.Informant("Levan Beridze", "brother", "+995599100012", brother,
                                Sex.MALE, "ka", new HouseholdRegistered.Consent(false, true, true))),
                base.migrants(), base.provenance());
        publish(household, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !candidates("599 10 00 11", KUTAISI_AGENT).isEmpty());
        JsonNode caller = candidates("599 10 00 11", KUTAISI_AGENT).get(0);
        assertThat(caller.get("kind").asString()).isEqualTo("INFORMANT");
        assertThat(caller.get("relation").asString()).isEqualTo("mother");
        assertThat(caller.get("familyMemberId").asString()).isEqualTo(mother);
        assertThat(caller.get("householdId").asString()).isEqualTo(household.householdId());
        assertThat(caller.get("migrants").valueStream().map(JsonNode::asString))
            .as("whom she may call about").containsExactly("ვახტანგ ბერიძე (Vakhtang Beridze), GR");
        assertThat(candidates("599 10 00 12", KUTAISI_AGENT)).as("his brother, known by his own id").singleElement()
            .satisfies(brotherCaller -> assertThat(brotherCaller.get("familyMemberId").asString()).isEqualTo(brother));

        publish(new FamilyMemberErased(household.householdId(), mother, household.municipalityCode(), Instant.now()),
                EventType.FAMILY_MEMBER_ERASED_V1, household.householdId(), 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> candidates("599 10 00 11", KUTAISI_AGENT).isEmpty());
        assertThat(candidates("+306912345011", KUTAISI_AGENT)).as("the migrant stays").hasSize(1);
    }

    @Test
    void anAgentOfAnotherOfficeIsNotShownTheCaller() {
        publish(household("+306912345002", "+995599100002"), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !candidates("+306912345002", KUTAISI_AGENT).isEmpty());

        assertThat(candidates("+306912345002", TestTokens.municipal(Role.HOTLINE_AGENT, "GE-AJ-BATUMI"))).isEmpty();
    }

    @Test
    void aRedeliveredRegistrationListsTheCallerOnce() {
        HouseholdRegistered household = household("+306912345003", "+995599100003");
        double before = duplicates();

        publish(household, 1);
        publish(household, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() >= before + 1);
        assertThat(candidates("+306912345003", KUTAISI_AGENT)).hasSize(1);
    }

    @Test
    void aHouseholdUpdateFromTheGoldenSampleMakesItsNewMigrantRecognisable() {
        HouseholdUpdated sample = EventCodec.decode(GoldenSamples.bytes(EventType.HOUSEHOLD_UPDATED_V1),
                HouseholdUpdated.class);
        String householdId = UUID.randomUUID().toString();
        HouseholdRegistered before = household("+306912345004", "+995599100004");
        publish(new HouseholdRegistered(householdId, before.municipalityCode(), before.locality(), before.informants(),
                before.migrants(), before.provenance()), 1);
        HouseholdUpdated after = new HouseholdUpdated(householdId, sample.municipalityCode(), sample.locality(),
                before.informants(), List.of(before.migrants().get(0), sample.migrants().get(1)), sample.provenance());

        KafkaProbe.publish(Topic.REGISTRY_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/registry-service", EventType.HOUSEHOLD_UPDATED_V1.typeName(), Instant.now(), householdId,
                after.municipalityCode(), 2, EventCodec.encode(after)));

        await().atMost(Duration.ofSeconds(10)).until(() -> !candidates("+49 170 1234567", KUTAISI_AGENT).isEmpty());
        assertThat(candidates("+49 170 1234567", KUTAISI_AGENT).get(0).get("name").asString()).contains("Levan Beridze");
        assertThat(candidates("+306912345004", KUTAISI_AGENT)).hasSize(1);
    }

    @Test
    void anErasedMigrantIsNoLongerRecognisedWhileTheFamilyStillIs() {
        HouseholdRegistered household = household("+306912345005", "+995599100005");
        publish(household, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !candidates("+306912345005", KUTAISI_AGENT).isEmpty());

        publish(erasure(household, false), EventType.MIGRANT_ERASED_V1, household.householdId(), 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> candidates("+306912345005", KUTAISI_AGENT).isEmpty());
        assertThat(candidates("+995599100005", KUTAISI_AGENT)).hasSize(1);
    }

    @Test
    void whenTheLastMigrantIsErasedTheInformantsGoToo() {
        HouseholdRegistered household = household("+306912345006", "+995599100006");
        publish(household, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !candidates("+995599100006", KUTAISI_AGENT).isEmpty());

        publish(erasure(household, true), EventType.MIGRANT_ERASED_V1, household.householdId(), 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> candidates("+995599100006", KUTAISI_AGENT).isEmpty());
        assertThat(candidates("+306912345006", KUTAISI_AGENT)).isEmpty();
        // A registration redelivered after the erasure is older than it and brings nobody back.
        publish(household, 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> candidates("+306912345006", KUTAISI_AGENT).isEmpty());
    }

    @Test
    void aMergedRecordIsNoLongerShownBesideTheSurvivingOne() {
        HouseholdRegistered household = household("+306912345007", "+995599100007");
        publish(household, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !candidates("+306912345007", KUTAISI_AGENT).isEmpty());
        MigrantsMerged sample = EventCodec.decode(GoldenSamples.bytes(EventType.MIGRANTS_MERGED_V1), MigrantsMerged.class);

        publish(new MigrantsMerged(household.householdId(), household.migrants().get(0).migrantId(),
                sample.survivingHouseholdId(), sample.survivingMigrantId(), sample.municipalityCode(), true,
                sample.mergedAt()), EventType.MIGRANTS_MERGED_V1, household.householdId(), 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> candidates("+306912345007", KUTAISI_AGENT).isEmpty());
        assertThat(candidates("+995599100007", KUTAISI_AGENT)).as("the emptied household's informant moved").isEmpty();
    }

    @Test
    void aPollOfHouseholdsIsWrittenInAHandfulOfStoreCommandsAndEachHouseholdKeepsItsOwnCallers() {
        String sharedInformant = "+995598770000";
        List<CallerDirectory.HouseholdCallers> poll = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String householdId = "poll-" + UUID.randomUUID();
            Map<String, List<KnownCaller>> byPhone = new LinkedHashMap<>();
            byPhone.put("+30691877" + String.format("%04d", i), List.of(caller(KnownCaller.Kind.MIGRANT, householdId)));
            // Two households of the poll told by the same relative: both stay listed at her number.
            byPhone.put(i < 2 ? sharedInformant : "+99559877" + String.format("%04d", i),
                    List.of(caller(KnownCaller.Kind.INFORMANT, householdId)));
            poll.add(new CallerDirectory.HouseholdCallers(householdId, 1, byPhone));
        }
        double before = storeCommands();

        assertThat(directory.replaceHouseholds(poll)).isEmpty();

        // One read of the applied versions, a pull, a bulk of pushes, a delete of emptied numbers, a bulk of marks;
        // household by household it was more than ten commands each.
        assertThat(storeCommands() - before).isBetween(1.0, 5.0);
        assertThat(candidates("+30 691 877 0042", KUTAISI_AGENT)).hasSize(1);
        assertThat(directory.callersAt(sharedInformant)).extracting(KnownCaller::householdId)
            .containsExactlyInAnyOrder(poll.get(0).householdId(), poll.get(1).householdId());

        // The next poll: one household has a new number, and an older version of another comes late.
        CallerDirectory.HouseholdCallers moved = poll.get(1);
        CallerDirectory.HouseholdCallers late = poll.get(2);
        assertThat(directory.replaceHouseholds(List.of(
                new CallerDirectory.HouseholdCallers(moved.householdId(), 2, Map.of("+306918779999",
                        List.of(caller(KnownCaller.Kind.MIGRANT, moved.householdId())))),
                new CallerDirectory.HouseholdCallers(late.householdId(), 1, Map.of()))))
            .containsExactly(late.householdId());

        assertThat(directory.callersAt("+306918770001")).isEmpty();
        assertThat(directory.callersAt("+306918779999")).extracting(KnownCaller::householdId)
            .containsExactly(moved.householdId());
        assertThat(directory.callersAt(sharedInformant)).extracting(KnownCaller::householdId)
            .containsExactly(poll.get(0).householdId());
        assertThat(directory.callersAt("+306918770002")).hasSize(1);
    }

    @Test
    void anUnreadableNumberIsA400NamingThePhone() {
        ApiClient.Response response = api.get("/callers?phone=12", KUTAISI_AGENT);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("phone");
    }

    @Test
    void onlyHotlineAgentsMayLookUpCallers() {
        assertThat(api.get("/callers?phone={phone}", TestTokens.regional(Role.REGIONAL_PLANNER, "GE-IM"),
                "+306912345001").status()).isEqualTo(403);
    }

    private List<JsonNode> candidates(String phone, String token) {
        ApiClient.Response response = api.get("/callers?phone={phone}", token, phone);
        assertThat(response.status()).as("lookup %s: %s", phone, response.body()).isEqualTo(200);
        return response.body().get("candidates").valueStream().toList();
    }

    private double storeCommands() {
        return meters.find("mongodb.driver.commands").timers().stream()
            .filter(timer -> List.of("caller_phones", "caller_households").contains(timer.getId().getTag("collection")))
            .mapToLong(Timer::count)
            .sum();
    }

    private static KnownCaller caller(KnownCaller.Kind kind, String householdId) {
        return new KnownCaller(kind, "Nino Beridze", kind == KnownCaller.Kind.INFORMANT ? "mother" : null, householdId,
                kind == KnownCaller.Kind.MIGRANT ? householdId + "-m" : null, "GE-IM-KUTAISI", "Europe/Athens", null,
                null);
    }

    private double duplicates() {
        return TestMetrics.count(meters, "ddesk.events.duplicates");
    }

    /** The golden sample with fresh ids and the given numbers, so tests do not see each other's callers. */
    private static HouseholdRegistered household(String migrantPhone, String informantPhone) {
        HouseholdRegistered sample = EventCodec.decode(GoldenSamples.bytes(EventType.HOUSEHOLD_REGISTERED_V1),
                HouseholdRegistered.class);
        HouseholdRegistered.Migrant m = sample.migrants().get(0);
        HouseholdRegistered.Informant i = sample.informants().get(0);
        return new HouseholdRegistered(UUID.randomUUID().toString(), sample.municipalityCode(), sample.locality(),
                List.of(new HouseholdRegistered.Informant(i.name(), i.relation(), informantPhone)),
                List.of(new HouseholdRegistered.Migrant(UUID.randomUUID().toString(), m.givenName(), m.familyName(),
                        m.nameLatin(), m.sex(), m.birthYear(), m.destinationCountry(), m.destinationCity(),
                        m.departureYear(), m.lifecycleStage(), m.preferredLanguage(), List.of(migrantPhone), m.email(),
                        m.consent())),
                sample.provenance());
    }

    /** The golden erasure sample, for this test's household and migrant. */
    private static MigrantErased erasure(HouseholdRegistered household, boolean householdErased) {
        MigrantErased sample = EventCodec.decode(GoldenSamples.bytes(EventType.MIGRANT_ERASED_V1), MigrantErased.class);
        return new MigrantErased(household.householdId(), household.migrants().get(0).migrantId(),
                sample.municipalityCode(), householdErased, sample.erasedAt());
    }

    private static void publish(EventPayload payload, EventType type, String householdId, long sequence) {
        KafkaProbe.publish(Topic.REGISTRY_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/registry-service", type.typeName(), Instant.now(), householdId, "GE-IM-KUTAISI",
                sequence, EventCodec.encode(payload)));
    }

    private static void publish(HouseholdRegistered household, long sequence) {
        KafkaProbe.publish(Topic.REGISTRY_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/registry-service", EventType.HOUSEHOLD_REGISTERED_V1.typeName(), Instant.now(),
                household.householdId(), household.municipalityCode(), sequence, EventCodec.encode(household)));
    }
}
