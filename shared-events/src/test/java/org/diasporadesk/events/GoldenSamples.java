package org.diasporadesk.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden JSON sample of each event type, shipped in this module's test-jar so that the producer's tests
 * (serialise to it) and the consumers' tests (deserialise from it) hold the same contract.
 */
public final class GoldenSamples {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GoldenSamples() {
    }

    public static byte[] bytes(EventType type) {
        String resource = "events/samples/" + type.typeName() + ".json";
        try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no golden sample at " + resource);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static JsonNode tree(EventType type) {
        return MAPPER.readTree(bytes(type));
    }

    public static JsonNode tree(byte[] json) {
        return MAPPER.readTree(json);
    }
}
