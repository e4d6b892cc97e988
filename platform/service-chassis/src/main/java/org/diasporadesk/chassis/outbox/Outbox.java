package org.diasporadesk.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;

/**
 * The part of an aggregate's document that holds its unpublished events and, per topic, the sequence of
 * the last event it produced. Stored as field {@value #FIELD} of the aggregate document, so that state and
 * events are written in one atomic document write: no dual write, no multi-document transaction.
 *
 * @param sequences per {@link org.diasporadesk.events.Topic} constant name (topic names hold dots, which
 *                  MongoDB field names may not), the sequence of the aggregate's last event on that topic
 * @param pending   events not yet confirmed by Kafka, oldest first
 */
public record Outbox(Map<String, Long> sequences, List<PendingEvent> pending) {

    /** The document field an aggregate keeps its outbox in; the relay looks for it. */
    public static final String FIELD = "outbox";

    public Outbox {
        sequences = Map.copyOf(sequences == null ? Map.of() : sequences);
        pending = List.copyOf(pending == null ? List.of() : pending);
    }

    public static Outbox empty() {
        return new Outbox(Map.of(), List.of());
    }

    /**
     * A new outbox with {@code payload} appended as the aggregate's next event on the topic its type belongs to.
     *
     * @param subject      the aggregate id: CloudEvents subject and Kafka key
     * @param municipality the territorial unit the event belongs to
     */
    public Outbox append(EventPayload payload, String subject, String municipality, Instant time) {
        EventType type = EventType.of(payload);
        String stream = type.topic().name();
        long sequence = sequences.getOrDefault(stream, 0L) + 1;
        Map<String, Long> nextSequences = new HashMap<>(sequences);
        nextSequences.put(stream, sequence);
        List<PendingEvent> nextPending = new ArrayList<>(pending);
        nextPending.add(new PendingEvent(UUID.randomUUID().toString(), type.typeName(), type.topic().topicName(),
                subject, municipality, sequence, time, new String(EventCodec.encode(payload), StandardCharsets.UTF_8)));
        return new Outbox(nextSequences, nextPending);
    }

    /** A new outbox with the events of one change appended in order, as {@link #append} does for one. */
    public Outbox appendAll(List<? extends EventPayload> payloads, String subject, String municipality, Instant time) {
        Outbox appended = this;
        for (EventPayload payload : payloads) {
            appended = appended.append(payload, subject, municipality, time);
        }
        return appended;
    }
}
