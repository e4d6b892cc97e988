package org.diasporadesk.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns payload records into the JSON that travels on Kafka and back.
 *
 * <p>Unknown properties are ignored on reading because payload changes are additive: a consumer built
 * against version 1 of a type keeps working when the producer adds a field.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private EventCodec() {
    }

    public static byte[] encode(EventPayload payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    /** Decodes the payload of a received envelope into the record its {@code ce_type} names. */
    public static EventPayload decode(EventEnvelope envelope) {
        EventType type = EventType.ofTypeName(envelope.type())
            .orElseThrow(() -> new MalformedEventException("unknown event type '" + envelope.type() + "'"));
        return decode(envelope.data(), type.payloadClass());
    }

    public static <T extends EventPayload> T decode(byte[] data, Class<T> payloadClass) {
        try {
            return MAPPER.readValue(data, payloadClass);
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            throw new MalformedEventException("payload is not a valid " + payloadClass.getSimpleName() + ": "
                    + ex.getMessage(), ex);
        }
    }
}
