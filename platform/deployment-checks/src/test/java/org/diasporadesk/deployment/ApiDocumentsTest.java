package org.diasporadesk.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents partners build on (docs/api) pass the tools partners use: each service's OpenAPI document
 * lints clean with Redocly's recommended rules, the AsyncAPI document validates with the AsyncAPI CLI. The
 * services' and shared-events' tests keep the documents equal to what the code serves and publishes.
 */
class ApiDocumentsTest {

    @ParameterizedTest
    @ValueSource(strings = { "registry-service", "hotline-service", "outreach-service", "reporting-service" })
    void openApiDocumentLintsWithoutErrors(String service) {
        Repository.requireNodeTools();

        Repository.Result lint = Repository.run(List.of(Repository.nodeTool("redocly"), "lint",
                "--config", "redocly.yaml", "docs/api/" + service + ".openapi.json"));

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).contains("Your API description is valid");
    }

    @Test
    void asyncApiDocumentValidates() {
        Repository.requireNodeTools();

        Repository.Result validation = Repository.run(List.of(Repository.nodeTool("asyncapi"), "validate",
                "docs/api/asyncapi.json", "--fail-severity", "error"));

        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.output()).contains("is valid");
    }

    @Test
    void everyServiceHasItsDocument() throws IOException {
        try (Stream<Path> documents = Files.list(Repository.ROOT.resolve("docs/api"))) {
            assertThat(documents.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "asyncapi.json", "registry-service.openapi.json", "hotline-service.openapi.json",
                    "outreach-service.openapi.json", "reporting-service.openapi.json");
        }
    }
}
