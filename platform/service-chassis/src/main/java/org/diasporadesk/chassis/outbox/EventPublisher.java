package org.diasporadesk.chassis.outbox;

import java.nio.charset.StandardCharsets;

import org.diasporadesk.events.CloudEventHeaders;
import org.diasporadesk.events.EventEnvelope;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends one event to its topic through the Kafka binder: CloudEvents binary mode, the aggregate id as key.
 * The binder is configured synchronous with {@code acks=all} and an idempotent producer, so a normal return
 * means the broker has the record.
 */
public class EventPublisher {

    private final StreamBridge streamBridge;

    public EventPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void publish(String topic, EventEnvelope envelope) {
        Message<byte[]> message = MessageBuilder.withPayload(envelope.data())
            .copyHeaders(CloudEventHeaders.write(envelope))
            .setHeader(KafkaHeaders.KEY, envelope.subject().getBytes(StandardCharsets.UTF_8))
            .build();
        if (!streamBridge.send(topic, message)) {
            throw new IllegalStateException("binder refused event " + envelope.id() + " for " + topic);
        }
    }
}
