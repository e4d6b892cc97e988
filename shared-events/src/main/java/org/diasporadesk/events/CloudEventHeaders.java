package org.diasporadesk.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that writes and reads the CloudEvents 1.0 Kafka binary-mode headers.
 *
 * <p>Values travel as raw UTF-8 bytes rather than through a framework's header mapper, so a consumer in
 * any language reads {@code ce_type} as plain text. Names are spelled out here on purpose: Spring Cloud
 * Function 5 changed its default prefix, and a silent change of ours would break every consumer.
 */
public final class CloudEventHeaders {

    public static final String PREFIX = "ce_";
    public static final String ID = PREFIX + "id";
    public static final String SOURCE = PREFIX + "source";
    public static final String TYPE = PREFIX + "type";
    public static final String SPEC_VERSION = PREFIX + "specversion";
    public static final String TIME = PREFIX + "time";
    public static final String SUBJECT = PREFIX + "subject";
    /** Extension: the municipality the fact belongs to, so consumers can route without parsing the payload. */
    public static final String MUNICIPALITY = PREFIX + "municipality";
    /** Extension: position of this event among the events of one aggregate on one topic, from 1, no gaps. */
    public static final String SEQUENCE = PREFIX + "sequence";
    /** The binary-mode binding maps {@code datacontenttype} to the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static Map<String, byte[]> write(EventEnvelope envelope) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(ID, bytes(envelope.id()));
        headers.put(SOURCE, bytes(envelope.source()));
        headers.put(TYPE, bytes(envelope.type()));
        headers.put(SPEC_VERSION, bytes(SPEC_VERSION_1_0));
        headers.put(TIME, bytes(envelope.time().toString()));
        headers.put(SUBJECT, bytes(envelope.subject()));
        headers.put(MUNICIPALITY, bytes(envelope.municipality()));
        headers.put(SEQUENCE, bytes(Long.toString(envelope.sequence())));
        headers.put(CONTENT_TYPE, bytes(JSON));
        return headers;
    }

    /**
     * Reads the envelope of a received record. Header values may arrive as {@code byte[]} or, through some
     * mappers, as {@code String}; both are accepted.
     *
     * @throws MalformedEventException when a required attribute is missing or unreadable; such a record can
     *                                 never succeed, so it is dead-lettered without retries
     */
    public static EventEnvelope read(Map<String, ?> headers, byte[] data) {
        String specVersion = required(headers, SPEC_VERSION);
        if (!SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("unsupported " + SPEC_VERSION + " '" + specVersion + "'");
        }
        String sequence = required(headers, SEQUENCE);
        String time = required(headers, TIME);
        try {
            return new EventEnvelope(required(headers, ID), required(headers, SOURCE), required(headers, TYPE),
                    Instant.parse(time), required(headers, SUBJECT), required(headers, MUNICIPALITY),
                    Long.parseLong(sequence), data);
        }
        catch (NumberFormatException | DateTimeParseException ex) {
            throw new MalformedEventException("unreadable " + TIME + " '" + time + "' or " + SEQUENCE + " '"
                    + sequence + "'", ex);
        }
        catch (IllegalArgumentException ex) {
            throw new MalformedEventException(ex.getMessage(), ex);
        }
    }

    private static String required(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        String text = value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
        if (text == null || text.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return text;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
