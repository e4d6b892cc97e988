package org.diasporadesk.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as it crosses Kafka: the attributes travel as headers
 * ({@link CloudEventHeaders}), {@code data} is the JSON payload and the record key is {@code subject},
 * the aggregate id, so that one aggregate's events stay in one partition and in order.
 */
public record EventEnvelope(String id, String source, String type, Instant time, String subject,
        String municipality, long sequence, byte[] data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
    }
}
