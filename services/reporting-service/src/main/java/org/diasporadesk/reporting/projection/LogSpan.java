package org.diasporadesk.reporting.projection;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Consecutive records of one partition of a topic, by their offsets. Counters that add up many aggregates' changes
 * remember the last offset they took in, so a record delivered again adds nothing: a partition is read in order by
 * one consumer at a time, so an offset at or below the remembered one has been counted.
 */
public record LogSpan(String topic, int partition, long firstOffset, long lastOffset) {

    public LogSpan {
        if (lastOffset < firstOffset) {
            throw new IllegalArgumentException("offsets " + firstOffset + ".." + lastOffset + " are not a span");
        }
    }

    /** The one record a consumed message came from, by the headers the Kafka binder (or the replay) sets. */
    public static LogSpan of(Message<?> message) {
        String topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        if (topic == null || partition == null || offset == null) {
            throw new IllegalStateException("a consumed message without its Kafka topic, partition and offset");
        }
        return new LogSpan(topic, partition, offset, offset);
    }

    /** Where counters of this partition keep their last offset: one counter document per partition. */
    public String partitionKey() {
        return topic + "-" + partition;
    }
}
