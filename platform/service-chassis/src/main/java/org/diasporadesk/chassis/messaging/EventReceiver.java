package org.diasporadesk.chassis.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.diasporadesk.events.CloudEventHeaders;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.MalformedEventException;
import org.springframework.messaging.Message;

/**
 * Reads a consumed Kafka record into a {@link ReceivedEvent}, or throws {@link MalformedEventException}
 * (not retried, dead-lettered at once). Counts what consumers see, per type.
 */
public class EventReceiver {

    private final MeterRegistry meters;

    public EventReceiver(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * @param expected the payload type, or a supertype (such as a sealed interface) that several event types
     *                 of the topic share
     */
    public <T extends EventPayload> ReceivedEvent<T> receive(Message<byte[]> message, Class<T> expected) {
        EventEnvelope envelope = CloudEventHeaders.read(message.getHeaders(), message.getPayload());
        EventType type = EventType.ofTypeName(envelope.type())
            .orElseThrow(() -> new MalformedEventException("unknown event type '" + envelope.type() + "'"));
        if (!expected.isAssignableFrom(type.payloadClass())) {
            throw new MalformedEventException("expected " + expected.getSimpleName() + " but got " + envelope.type());
        }
        T payload = expected.cast(EventCodec.decode(envelope.data(), type.payloadClass()));
        meters.counter("ddesk.events.consumed", "type", envelope.type()).increment();
        return new ReceivedEvent<>(envelope, payload);
    }

    /** Records that an event was recognised as already applied and skipped. */
    public void skippedDuplicate(EventEnvelope envelope) {
        meters.counter("ddesk.events.duplicates", "type", envelope.type()).increment();
    }
}
