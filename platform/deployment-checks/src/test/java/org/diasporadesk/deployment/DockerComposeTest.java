package org.diasporadesk.deployment;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DockerComposeTest {

    private static final List<String> SERVICES = List.of("registry-service", "hotline-service", "outreach-service",
            "reporting-service");

    /** Read with SnakeYAML, which resolves the {@code <<: *service} merge keys as Compose does. */
    private final JsonNode compose = Repository.JSON.valueToTree(new Yaml().load(Repository.read("docker-compose.yml")));

    @Test
    void composeFileValidates() {
        Repository.requireTool("docker-compose", "apt-get install docker-compose (validation needs no engine)");

        Repository.Result result = Repository.run(List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyServiceImageIsBuiltFromAJarTheMavenBuildProduces() {
        String dockerfile = Repository.read("Dockerfile");
        assertThat(dockerfile).contains("ARG SERVICE_JAR", "COPY --from=build /src/${SERVICE_JAR}");
        for (String service : SERVICES) {
            String jar = compose.at("/services/" + service + "/build/args/SERVICE_JAR").asString();
            assertThat(jar).as(service).isEqualTo("services/" + service + "/target/" + service + ".jar");
            assertThat(Files.isRegularFile(Repository.ROOT.resolve(jar))).as("%s is built by ./mvnw package", jar).isTrue();
        }
    }

    @Test
    void thirdPartyImagesArePinnedToAVersion() {
        for (Map.Entry<String, JsonNode> entry : compose.get("services").properties()) {
            JsonNode image = entry.getValue().get("image");
            if (image != null) {
                assertThat(image.asString()).as(entry.getKey())
                    .matches(".+:(\\$\\{[A-Z_]+:-)?v?\\d+(\\.\\d+)+\\}?")
                    .doesNotContain("latest");
            }
        }
    }

    @Test
    void everyContainerIsRestartedUnlessStopped() {
        for (Map.Entry<String, JsonNode> entry : compose.get("services").properties()) {
            assertThat(entry.getValue().path("restart").asString()).as(entry.getKey()).isEqualTo("unless-stopped");
        }
    }

    @Test
    void servicesWaitForHealthyInfrastructureAndReportTheirOwnReadiness() {
        for (String infrastructure : List.of("kafka", "mongo", "keycloak")) {
            assertThat(compose.at("/services/" + infrastructure + "/healthcheck/test").isMissingNode())
                .as("%s has a health check", infrastructure).isFalse();
        }
        for (String service : SERVICES) {
            JsonNode definition = compose.at("/services/" + service);
            for (String infrastructure : List.of("kafka", "mongo", "keycloak")) {
                assertThat(definition.at("/depends_on/" + infrastructure + "/condition").asString())
                    .as("%s waits for %s", service, infrastructure).isEqualTo("service_healthy");
            }
            assertThat(definition.at("/healthcheck/test").toString()).contains("/actuator/health/readiness");
        }
    }

    @Test
    void mongoRunsAsAReplicaSetAndServicesConnectToIt() {
        assertThat(compose.at("/services/mongo/command").toString()).contains("--replSet");
        assertThat(Repository.read("docker-compose.yml")).contains("replicaSet=rs0");
    }
}
