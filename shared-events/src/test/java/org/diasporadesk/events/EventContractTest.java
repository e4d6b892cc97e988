package org.diasporadesk.events;

import java.io.InputStream;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleSatisfiesTheJsonSchema(EventType type) throws Exception {
        List<Error> errors = schema(type).validate(GoldenSamples.tree(type));

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleRoundTripsThroughThePayloadRecord(EventType type) {
        EventPayload decoded = EventCodec.decode(GoldenSamples.bytes(type), type.payloadClass());

        assertThat(GoldenSamples.tree(EventCodec.encode(decoded))).isEqualTo(GoldenSamples.tree(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAPayloadWithoutItsRequiredFields(EventType type) throws Exception {
        List<Error> errors = schema(type).validate(GoldenSamples.tree("{}".getBytes()));

        assertThat(errors).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordRejectsAPayloadWithoutItsRequiredFields(EventType type) {
        assertThatThrownBy(() -> EventCodec.decode("{}".getBytes(), type.payloadClass()))
            .isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void piiFreeTopicsCarryOnlySchemasThatForbidExtraFields(EventType type) throws Exception {
        if (type.topic().dataClass() != DataClass.PII_FREE) {
            return;
        }
        // A PII-free contract must be closed: a producer cannot slip a name or a phone into it unnoticed.
        var sample = (tools.jackson.databind.node.ObjectNode) GoldenSamples.tree(type);
        sample.put("phone", "+995599123456");

        assertThat(schema(type).validate(sample)).isNotEmpty();
    }

    private static Schema schema(EventType type) throws Exception {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema %s", type.schemaResource()).isNotNull();
            return SCHEMAS.getSchema(in, InputFormat.JSON);
        }
    }
}
