package org.diasporadesk.reporting.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diasporadesk.events.CloudEventHeaders;
import org.diasporadesk.events.EventEnvelope;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** A poll's records as the Kafka binder hands them to a function in batch mode: payloads and headers as lists. */
public final class KafkaPoll {

    private final List<byte[]> payloads = new ArrayList<>();
    private final List<Map<String, Object>> headers = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<Integer> partitions = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    /** Consecutive records of partition 0 from {@code offset} on. */
    public static Message<List<byte[]>> of(String topic, long offset, EventEnvelope... events) {
        KafkaPoll poll = new KafkaPoll();
        for (EventEnvelope event : events) {
            poll.record(topic, 0, offset + poll.offsets.size(), event);
        }
        return poll.message();
    }

    public KafkaPoll record(String topic, int partition, long offset, EventEnvelope event) {
        return record(topic, partition, offset, new HashMap<>(CloudEventHeaders.write(event)), event.data());
    }

    public KafkaPoll record(String topic, int partition, long offset, Map<String, Object> recordHeaders,
            byte[] payload) {
        payloads.add(payload);
        headers.add(recordHeaders);
        topics.add(topic);
        partitions.add(partition);
        offsets.add(offset);
        return this;
    }

    public Message<List<byte[]>> message() {
        return MessageBuilder.withPayload(payloads)
            .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
            .setHeader(KafkaHeaders.RECEIVED_TOPIC, topics)
            .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions)
            .setHeader(KafkaHeaders.OFFSET, offsets)
            .build();
    }
}
