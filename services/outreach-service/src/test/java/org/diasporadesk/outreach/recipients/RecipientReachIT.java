package org.diasporadesk.outreach.recipients;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.GoldenSamples;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.PeopleEvent;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class RecipientReachIT {

    private static final String COORDINATOR = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-SJ");

    @LocalServerPort
    int port;

    @Autowired
    RecipientRegister register;

    @Autowired
    MeterRegistry meters;

    @Test
    void reachesOnlyMigrantsWhoConsentedToOutreachCountedOnceInTheirLanguage() {
        ApiClient api = ApiClient.local(port);
        long before = reach(api, "GE-SJ");

        publish(household("GE-SJ-BORJOMI", true, "ka"));
        publish(household("GE-SJ-BORJOMI", false, "ka"));
        HouseholdRegistered russianSpeaker = household("GE-SJ-AKHALKALAKI", true, "ru");
        publish(russianSpeaker);
        publish(russianSpeaker);
        publish(household("GE-SJ-AKHALTSIKHE", true, "hy"));

        // Records of different households may sit in different partitions: wait for the total, not the last one.
        await().atMost(Duration.ofSeconds(10)).until(() -> reach(api, "GE-SJ") >= before + 3);
        ApiClient.Response reach = api.get("/recipients/reach?area={area}", COORDINATOR, "GE-SJ");
        assertThat(reach.body().get("recipients").asLong()).isEqualTo(before + 3);
        assertThat(reach.body().get("byLanguage").get("ru").asLong()).isEqualTo(1);
        assertThat(reach.body().get("byLanguage").get("hy").asLong()).isEqualTo(1);
    }

    @Test
    void withdrawnConsentAndErasureTakeMigrantsOutOfReach() {
        ApiClient api = ApiClient.local(port);
        String guria = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-GU");
        long before = reach(api, "GE-GU", guria);
        HouseholdRegistered withdrawing = household("GE-GU-OZURGETI", true, "ka");
        HouseholdRegistered erased = household("GE-GU-LANCHKHUTI", true, "ka");
        publish(withdrawing);
        publish(erased);
        await().atMost(Duration.ofSeconds(10)).until(() -> reach(api, "GE-GU", guria) == before + 2);

        HouseholdRegistered.Migrant m = withdrawing.migrants().get(0);
        HouseholdUpdated withdrawn = new HouseholdUpdated(withdrawing.householdId(), withdrawing.municipalityCode(),
                withdrawing.locality(), withdrawing.informants(),
                List.of(new HouseholdRegistered.Migrant(m.migrantId(), m.givenName(), m.familyName(), m.nameLatin(),
                        m.sex(), m.birthYear(), m.destinationCountry(), m.destinationCity(), m.departureYear(),
                        m.lifecycleStage(), m.preferredLanguage(), m.phones(), m.email(),
                        new HouseholdRegistered.Consent(true, false, true))),
                withdrawing.provenance());
        publish(withdrawn, EventType.HOUSEHOLD_UPDATED_V1, withdrawn.householdId(), withdrawn.municipalityCode(), 2);
        publish(new MigrantErased(erased.householdId(), erased.migrants().get(0).migrantId(), erased.municipalityCode(),
                true, Instant.now()), EventType.MIGRANT_ERASED_V1, erased.householdId(), erased.municipalityCode(), 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> reach(api, "GE-GU", guria) == before);
        // The registration redelivered late is older than the withdrawal and changes nothing.
        publish(withdrawing);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> reach(api, "GE-GU", guria) == before);
    }

    @Test
    void aPollOfHouseholdsIsWrittenInAHandfulOfStoreCommandsAndEachHouseholdCountsOnce() {
        ApiClient api = ApiClient.local(port);
        // Shida Kartli: no other test's recipients live there.
        String shidaKartli = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-SK");
        long before = reach(api, "GE-SK", shidaKartli);
        List<HouseholdRegistered> households = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            households.add(household("GE-SK-KARELI", i % 4 != 0, "ka"));
        }
        double commandsBefore = storeCommands();

        register.applyHouseholds(households.stream().map(household -> received(household, 1)).toList());

        // A read of the households' versions and of waiting opt-outs, a bulk of recipients, a bulk of marks; household
        // by household it was five commands and more each.
        assertThat(storeCommands() - commandsBefore).isBetween(1.0, 5.0);
        assertThat(reach(api, "GE-SK", shidaKartli)).isEqualTo(before + 75);

        // The next poll: one migrant withdraws consent, and a version of another household that was applied already
        // (a redelivery, here changed so that applying it would show) changes nothing.
        HouseholdRegistered withdrawing = households.get(1);
        register.applyHouseholds(List.of(received(withOutreachConsent(withdrawing, false), 2),
                received(withOutreachConsent(households.get(2), false), 1)));

        assertThat(reach(api, "GE-SK", shidaKartli)).isEqualTo(before + 74);
        assertThat(register.find(withdrawing.migrants().get(0).migrantId())).isEmpty();
        assertThat(register.find(households.get(2).migrants().get(0).migrantId())).isPresent();
    }

    @Test
    void anOptOutStopsOutreachAtOnceAndHoldsUntilTheRegistryHasWithdrawnTheConsent() {
        ApiClient api = ApiClient.local(port);
        String mtskheta = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-MM");
        long before = reach(api, "GE-MM", mtskheta);
        HouseholdRegistered household = household("GE-MM-DUSHETI", true, "ka");
        String migrant = household.migrants().get(0).migrantId();
        publish(household);
        await().atMost(Duration.ofSeconds(10)).until(() -> reach(api, "GE-MM", mtskheta) == before + 1);

        ApiClient.Response optedOut = api.post("/recipients/" + migrant + "/opt-out", mtskheta,
                Map.of("how", "replied STOP by SMS"));

        assertThat(optedOut.status()).isEqualTo(204);
        assertThat(reach(api, "GE-MM", mtskheta)).isEqualTo(before);
        var told = KafkaProbe.awaitRecord(Topic.OUTREACH_PEOPLE.topicName(),
                record -> household.householdId().equals(record.key()), Duration.ofSeconds(15));
        assertThat(EventCodec.decode(told.value(), RecipientOptedOut.class).migrantId()).isEqualTo(migrant);

        // The registry has not caught up yet: a snapshot that still shows consent brings nobody back.
        publish(withOutreachConsent(household, true), EventType.HOUSEHOLD_UPDATED_V1, household.householdId(),
                household.municipalityCode(), 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> reach(api, "GE-MM", mtskheta) == before);
        // The registry withdrew the consent; later the migrant gives it again, and outreach follows the registry.
        publish(withOutreachConsent(household, false), EventType.HOUSEHOLD_UPDATED_V1, household.householdId(),
                household.municipalityCode(), 3);
        publish(withOutreachConsent(household, true), EventType.HOUSEHOLD_UPDATED_V1, household.householdId(),
                household.municipalityCode(), 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> reach(api, "GE-MM", mtskheta) == before + 1);

        assertThat(api.post("/recipients/nobody/opt-out", mtskheta, Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/recipients/" + migrant + "/opt-out", COORDINATOR, Map.of()).status())
            .as("another region's coordinator").isEqualTo(404);
    }

    @Test
    void aCoordinatorOfAnotherRegionIsRefusedNamingTheArea() {
        ApiClient.Response response = ApiClient.local(port).get("/recipients/reach?area={area}", COORDINATOR, "GE-KA");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("area");
    }

    private double storeCommands() {
        return meters.find("mongodb.driver.commands").timers().stream()
            .filter(timer -> List.of("recipients", "recipient_households", "opt_outs")
                .contains(timer.getId().getTag("collection")))
            .mapToLong(Timer::count)
            .sum();
    }

    private static ReceivedEvent<PeopleEvent> received(PeopleEvent household, long sequence) {
        String householdId = ((HouseholdSnapshot) household).householdId();
        EventType type = household instanceof HouseholdUpdated ? EventType.HOUSEHOLD_UPDATED_V1
                : EventType.HOUSEHOLD_REGISTERED_V1;
        return new ReceivedEvent<>(new EventEnvelope(UUID.randomUUID().toString(), "/diaspora-desk/registry-service",
                type.typeName(), Instant.now(), householdId, ((HouseholdSnapshot) household).municipalityCode(),
                sequence, EventCodec.encode(household)), household);
    }

    private static long reach(ApiClient api, String area) {
        return reach(api, area, COORDINATOR);
    }

    private static long reach(ApiClient api, String area, String token) {
        return api.get("/recipients/reach?area={area}", token, area).body().get("recipients").asLong();
    }

    private static HouseholdRegistered household(String municipality, boolean outreachConsent, String language) {
        HouseholdRegistered sample = EventCodec.decode(GoldenSamples.bytes(EventType.HOUSEHOLD_REGISTERED_V1),
                HouseholdRegistered.class);
        HouseholdRegistered.Migrant m = sample.migrants().get(0);
        // The family as older events had it, without ids or consent of their own: nobody of them is a recipient.
        return new HouseholdRegistered(UUID.randomUUID().toString(), municipality, sample.locality(),
                sample.informants().stream()
                    .map(informant -> new HouseholdRegistered.Informant(informant.name(), informant.relation(),
                            informant.phone()))
                    .toList(),
                List.of(new HouseholdRegistered.Migrant(UUID.randomUUID().toString(), m.givenName(), m.familyName(),
                        m.nameLatin(), m.sex(), m.birthYear(), m.destinationCountry(), m.destinationCity(),
                        m.departureYear(), m.lifecycleStage(), language, m.phones(), m.email(),
                        new HouseholdRegistered.Consent(true, outreachConsent, true))),
                sample.provenance());
    }

    private static void publish(EventPayload payload, EventType type, String householdId, String municipality,
            long sequence) {
        KafkaProbe.publish(Topic.REGISTRY_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/registry-service", type.typeName(), Instant.now(), householdId, municipality, sequence,
                EventCodec.encode(payload)));
    }

    private static HouseholdUpdated withOutreachConsent(HouseholdRegistered household, boolean outreach) {
        HouseholdRegistered.Migrant m = household.migrants().get(0);
        return new HouseholdUpdated(household.householdId(), household.municipalityCode(), household.locality(),
                household.informants(), List.of(new HouseholdRegistered.Migrant(m.migrantId(), m.givenName(),
                        m.familyName(), m.nameLatin(), m.sex(), m.birthYear(), m.destinationCountry(),
                        m.destinationCity(), m.departureYear(), m.lifecycleStage(), m.preferredLanguage(), m.phones(),
                        m.email(), new HouseholdRegistered.Consent(true, outreach, true))),
                household.provenance());
    }

    private static void publish(HouseholdRegistered household) {
        KafkaProbe.publish(Topic.REGISTRY_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/registry-service", EventType.HOUSEHOLD_REGISTERED_V1.typeName(), Instant.now(),
                household.householdId(), household.municipalityCode(), 1, EventCodec.encode(household)));
    }
}
