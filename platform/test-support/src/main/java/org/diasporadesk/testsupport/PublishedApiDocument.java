package org.diasporadesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.diasporadesk.chassis.apidocs.RequestExamples;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's OpenAPI document as partners read it: {@code docs/api/<service>.openapi.json}, committed so that
 * it can be linted and read without running anything. The running service is the source; the committed copy
 * must equal what it serves, so a change to an endpoint that does not regenerate the document fails here.
 * {@code -Dddesk.api-docs.update=true} writes the served document instead of comparing.
 */
public final class PublishedApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private PublishedApiDocument() {
    }

    public static void assertCurrent(ApiClient api, String service) {
        JsonNode served = JSON.readTree(api.getText("/v3/api-docs", null));
        Path file = repositoryRoot().resolve("docs/api").resolve(service + ".openapi.json");
        String text = JSON.writeValueAsString(served) + "\n";
        try {
            if (Boolean.getBoolean("ddesk.api-docs.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("the published API document %s; run this test with -Dddesk.api-docs.update=true "
                    + "to write it", file).exists();
            assertThat(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)))
                .as("%s differs from what %s serves; run this test with -Dddesk.api-docs.update=true, review the "
                        + "difference and commit it", file, service)
                .isEqualTo(served);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends each example the document shows (the service's {@code api-examples}) to its operation, with a token
     * of the operation's role, and expects it to succeed: an example a partner copies must work.
     */
    public static void assertExamplesWork(ApiClient api) {
        ServedApi served = ServedApi.of(api);
        Map<String, JsonNode> examples = RequestExamples.onClassPath();
        assertThat(examples).as("the service's request examples").isNotEmpty();
        examples.forEach((operationId, example) -> {
            ServedApi.Operation operation = served.operation(operationId);
            assertThat(served.document().at("/paths").get(operation.path()).at("/" + operation.method().toLowerCase(Locale.ROOT)
                    + "/requestBody/content/application~1json/examples/" + operationId + "/value"))
                .as("the document shows the example of %s", operationId).isEqualTo(example);
            ApiClient.Response response = operation.method().equals("PUT")
                    ? api.put(operation.path(), operation.token(), example.toString())
                    : api.post(operation.path(), operation.token(), example.toString());
            assertThat(response.status()).as("%s %s with its example: %s", operation.method(), operation.path(),
                    response.body()).isBetween(200, 299);
            assertThat(operation.documents(response.status()))
                .as("%s %s answered %d, which its document lists", operation.method(), operation.path(),
                        response.status())
                .isTrue();
        });
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no checkout with docker-compose.yml and docs/ above " + Path.of("").toAbsolutePath());
    }
}
