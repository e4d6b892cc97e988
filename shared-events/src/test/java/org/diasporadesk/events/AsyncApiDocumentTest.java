package org.diasporadesk.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published AsyncAPI document is the one generated from the catalogue and the schemas. It is validated
 * with the AsyncAPI CLI by the deployment checks. {@code -Dddesk.api-docs.update=true} writes it.
 */
class AsyncApiDocumentTest {

    private static final Path PUBLISHED = Path.of("../docs/api/asyncapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void publishedDocumentIsTheGeneratedOne() throws IOException {
        String generated = AsyncApiDocument.render();
        if (Boolean.getBoolean("ddesk.api-docs.update")) {
            Files.writeString(PUBLISHED, generated, StandardCharsets.UTF_8);
        }

        assertThat(PUBLISHED).as("run this test with -Dddesk.api-docs.update=true to write it").exists();
        assertThat(JSON.readTree(Files.readString(PUBLISHED, StandardCharsets.UTF_8)))
            .as("%s is not what the catalogue and schemas generate; run this test with -Dddesk.api-docs.update=true "
                    + "and commit the difference", PUBLISHED)
            .isEqualTo(JSON.readTree(generated));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsOnItsTopicsChannelWithItsSchemaAndHeaders(EventType type) {
        JsonNode document = AsyncApiDocument.build();
        JsonNode channel = document.get("channels").values().stream()
            .filter(candidate -> candidate.get("address").asString().equals(type.topic().topicName()))
            .findFirst().orElseThrow();
        String messageId = channel.get("messages").propertyNames().stream()
            .filter(id -> document.at("/components/messages/" + id + "/name").asString().equals(type.typeName()))
            .findFirst().orElseThrow();
        JsonNode message = document.at("/components/messages/" + messageId);

        assertThat(channel.get("description").asString()).contains(type.topic().writer(),
                type.topic().dataClass().name());
        assertThat(message.at("/payload/schema/required")).isEqualTo(schema(type).get("required"));
        assertThat(message.at("/payload/schema/properties")).isEqualTo(schema(type).get("properties"));
        assertThat(message.at("/headers/properties/ce_type/const").asString()).isEqualTo(type.typeName());
    }

    private static JsonNode schema(EventType type) {
        return JSON.readTree(AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(type.schemaResource()));
    }
}
