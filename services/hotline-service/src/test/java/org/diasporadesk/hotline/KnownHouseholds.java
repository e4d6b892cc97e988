package org.diasporadesk.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.GoldenSamples;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;

import static org.awaitility.Awaitility.await;

/**
 * Registry households for hotline tests: the registry's golden sample (a migrant in Athens, his mother at
 * home in Kutaisi) with fresh ids and the test's numbers, published on the registry's personal topic.
 */
public final class KnownHouseholds {

    private KnownHouseholds() {
    }

    /**
     * Publishes the household and waits until the hotline recognises the migrant's number.
     *
     * @param informantPhone null for a household without an informant's number
     */
    public static HouseholdRegistered publishAndAwait(ApiClient api, String agentToken, String migrantPhone,
            String informantPhone) {
        HouseholdRegistered sample = EventCodec.decode(GoldenSamples.bytes(EventType.HOUSEHOLD_REGISTERED_V1),
                HouseholdRegistered.class);
        HouseholdRegistered.Migrant m = sample.migrants().get(0);
        HouseholdRegistered.Informant i = sample.informants().get(0);
        HouseholdRegistered household = new HouseholdRegistered(UUID.randomUUID().toString(), sample.municipalityCode(),
                sample.locality(),
                informantPhone == null ? List.of()
                        : List.of(new HouseholdRegistered.Informant(i.name(), i.relation(), informantPhone)),
                List.of(new HouseholdRegistered.Migrant(UUID.randomUUID().toString(), m.givenName(), m.familyName(),
                        m.nameLatin(), m.sex(), m.birthYear(), m.destinationCountry(), m.destinationCity(),
                        m.departureYear(), m.lifecycleStage(), m.preferredLanguage(), List.of(migrantPhone), m.email(),
                        m.consent())),
                sample.provenance());
        publish(household, EventType.HOUSEHOLD_REGISTERED_V1, household.householdId(), 1);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api.get("/callers?phone={p}", agentToken, migrantPhone).body().get("candidates").size() > 0);
        return household;
    }

    /** Publishes a registry fact about a household of the sample's municipality. */
    public static void publish(EventPayload payload, EventType type, String householdId, long sequence) {
        KafkaProbe.publish(Topic.REGISTRY_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/registry-service", type.typeName(), Instant.now(), householdId, "GE-IM-KUTAISI",
                sequence, EventCodec.encode(payload)));
    }
}
