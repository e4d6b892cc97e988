package org.diasporadesk.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.diasporadesk.events.EventEnvelope;

/**
 * An event written in the same document as the aggregate state that caused it, waiting for the
 * {@link OutboxRelay}. The payload is kept as the exact JSON that will be published.
 */
public record PendingEvent(String eventId, String type, String topic, String subject, String municipality,
        long sequence, Instant time, String payload) {

    EventEnvelope envelope(String source) {
        return new EventEnvelope(eventId, source, type, time, subject, municipality, sequence,
                payload.getBytes(StandardCharsets.UTF_8));
    }
}
