package org.diasporadesk.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility gate: every event type of the released contract (events/released/1.0.0, as last landed)
 * is still published with a schema that accepts what the released one accepted, and its released golden
 * sample still passes. A breaking change needs a new event type and topic version instead (Topic's rule).
 */
class SchemaCompatibilityTest {

    private static final String RELEASED = "events/released/1.0.0/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void changedSchemaAcceptsWhatTheReleasedOneAccepted(EventType type) throws IOException {
        JsonNode released = read(RELEASED + "schemas/" + type.typeName() + ".schema.json");
        if (released == null) {
            return; // a type added since the release has nothing to stay compatible with
        }

        assertThat(SchemaCompatibility.breaches(released, read(type.schemaResource()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void releasedGoldenSampleStillValidates(EventType type) throws IOException {
        JsonNode sample = read(RELEASED + "samples/" + type.typeName() + ".json");
        if (sample == null) {
            return;
        }
        List<Error> errors = SCHEMAS.getSchema(read(type.schemaResource())).validate(sample);

        assertThat(errors).isEmpty();
    }

    @Test
    void everyReleasedTypeIsStillPublished() throws IOException {
        try (Stream<Path> schemas = Files.list(Path.of("src/test/resources", RELEASED, "schemas"))) {
            List<String> released = schemas.map(path -> path.getFileName().toString().replace(".schema.json", ""))
                .toList();

            assertThat(released).as("the released contract is in the repository").hasSizeGreaterThan(10)
                .allSatisfy(typeName -> assertThat(EventType.ofTypeName(typeName))
                    .as("%s was released; it may be deprecated but not withdrawn", typeName).isPresent());
        }
    }

    @Test
    void theGateRefusesBreakingChanges() throws IOException {
        ObjectNode released = (ObjectNode) read(RELEASED + "schemas/" + EventType.HOUSEHOLD_REGISTERED_V1.typeName()
                + ".schema.json");

        ObjectNode newRequired = released.deepCopy();
        newRequired.withArray("required").add("sourceOffice");
        ObjectNode narrowed = released.deepCopy();
        ((ObjectNode) narrowed.at("/properties/locality")).put("type", "string");
        ObjectNode enumCut = released.deepCopy();
        JsonNode sexEnum = enumCut.at("/properties/migrants/items/properties/sex/enum");
        ((ArrayNode) sexEnum).remove(sexEnum.size() - 1);
        ObjectNode patterned = released.deepCopy();
        ((ObjectNode) patterned.at("/properties/municipalityCode")).put("pattern", "^GE-");

        assertThat(SchemaCompatibility.breaches(released, newRequired)).containsExactly("$.sourceOffice: newly required");
        assertThat(SchemaCompatibility.breaches(released, narrowed)).singleElement().asString().startsWith("$.locality: type");
        assertThat(SchemaCompatibility.breaches(released, enumCut)).singleElement().asString()
            .startsWith("$.migrants[].sex: enum value");
        assertThat(SchemaCompatibility.breaches(released, patterned)).singleElement().asString()
            .startsWith("$.municipalityCode: pattern");
        assertThat(SchemaCompatibility.breaches(released, released.deepCopy())).isEmpty();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        }
    }
}
