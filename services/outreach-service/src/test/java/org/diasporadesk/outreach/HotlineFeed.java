package org.diasporadesk.outreach;

import java.time.Instant;
import java.util.UUID;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.outreach.RegistryFeed.Person;
import org.diasporadesk.testsupport.KafkaProbe;

/** Publishes what the hotline tells outreach when a registry person calls, as the hotline would. */
public final class HotlineFeed {

    private HotlineFeed() {
    }

    /** The migrant called about {@code topic} at {@code at}. */
    public static void called(Person person, String topic, Instant at) {
        publish(new KnownCallerContacted(UUID.randomUUID().toString(), person.migrantId(), person.householdId(),
                person.municipality(), topic, at));
    }

    /** A family member at home called about {@code topic} at {@code at}: the household is named, not the migrant. */
    public static void familyCalled(Person person, String topic, Instant at) {
        publish(new KnownCallerContacted(UUID.randomUUID().toString(), null, person.householdId(),
                person.municipality(), topic, at));
    }

    private static void publish(KnownCallerContacted contacted) {
        KafkaProbe.publish(Topic.HOTLINE_CALLERS.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/hotline-service", EventType.KNOWN_CALLER_CONTACTED_V1.typeName(), Instant.now(),
                contacted.ticketId(), contacted.municipalityCode(), 1, EventCodec.encode(contacted)));
    }
}
