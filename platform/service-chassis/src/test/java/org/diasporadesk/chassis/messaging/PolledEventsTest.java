package org.diasporadesk.chassis.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.diasporadesk.events.CloudEventHeaders;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.PeopleEvent;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolledEventsTest {

    private final EventReceiver receiver = new EventReceiver(new SimpleMeterRegistry());
    private final List<String> applied = new ArrayList<>();

    @Test
    void consecutiveEventsThatGoTogetherAreAppliedAsOneRunAndTheOthersAloneInTheirPlace() {
        // A migrant's erasure (one at a time) between households' changes (together): nothing is reordered.
        apply(poll(erased("a", false), erased("b", false), erased("c", true), erased("d", false)));

        assertThat(applied).containsExactly("run [a, b]", "one c", "run [d]");
    }

    @Test
    void anUnreadableRecordIsNamedByItsPlaceAfterTheRunBeforeItIsApplied() {
        Message<List<byte[]>> poll = poll(erased("a", false), unreadable(), erased("c", false));

        assertThatThrownBy(() -> apply(poll)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                failed -> assertThat(failed.getIndex()).isEqualTo(1));
        assertThat(applied).containsExactly("run [a]");
    }

    @Test
    void aRunThatFailsIsNamedByItsFirstRecordSoThatItIsDeliveredAgainWhole() {
        Message<List<byte[]>> poll = poll(erased("a", true), erased("b", false), erased("c", false));

        assertThatThrownBy(() -> PolledEvents.apply(poll, receiver, PeopleEvent.class, PolledEventsTest::together,
                run -> {
                    throw new IllegalStateException("the store is down");
                }, event -> applied.add("one " + ((MigrantErased) event.payload()).householdId())))
            .isInstanceOfSatisfying(BatchListenerFailedException.class,
                    failed -> assertThat(failed.getIndex()).isEqualTo(1));
        assertThat(applied).containsExactly("one a");
    }

    private void apply(Message<List<byte[]>> poll) {
        PolledEvents.apply(poll, receiver, PeopleEvent.class, PolledEventsTest::together,
                run -> applied.add("run " + run.stream().map(event -> ((MigrantErased) event.payload()).householdId())
                    .toList()),
                event -> applied.add("one " + ((MigrantErased) event.payload()).householdId()));
    }

    private static boolean together(PeopleEvent event) {
        return !((MigrantErased) event).householdErased();
    }

    private static EventEnvelope erased(String householdId, boolean householdErased) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/diaspora-desk/registry-service",
                EventType.MIGRANT_ERASED_V1.typeName(), Instant.now(), householdId, "GE-IM-KUTAISI", 1,
                EventCodec.encode(new MigrantErased(householdId, householdId + "-m", "GE-IM-KUTAISI", householdErased,
                        Instant.now())));
    }

    private static EventEnvelope unreadable() {
        return new EventEnvelope(UUID.randomUUID().toString(), "/diaspora-desk/registry-service", "org.example.unknown",
                Instant.now(), "x", "GE-IM-KUTAISI", 1, new byte[] { '{', '}' });
    }

    /** A poll as the binder hands it to a function in batch mode. */
    private static Message<List<byte[]>> poll(EventEnvelope... envelopes) {
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < envelopes.length; i++) {
            payloads.add(envelopes[i].data());
            headers.add(new HashMap<>(CloudEventHeaders.write(envelopes[i])));
            topics.add("ddesk.registry.people.v1");
            partitions.add(0);
            offsets.add((long) i);
        }
        return MessageBuilder.withPayload(payloads)
            .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
            .setHeader(KafkaHeaders.RECEIVED_TOPIC, topics)
            .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions)
            .setHeader(KafkaHeaders.OFFSET, offsets)
            .build();
    }
}
