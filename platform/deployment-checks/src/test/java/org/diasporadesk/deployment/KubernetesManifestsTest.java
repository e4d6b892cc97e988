package org.diasporadesk.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diasporadesk.events.Topic;
import org.diasporadesk.events.TopicPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = { "single-node", "production" })
    void overlayRendersAndPassesTheKubernetesApiSchemas(String overlay) throws IOException {
        Path rendered = Files.createTempFile("k8s-" + overlay, ".yaml");
        Files.writeString(rendered, render(overlay));
        Repository.requireNodeTools();

        Repository.Result result = Repository.run(List.of("node", "deploy/checks/validate-manifests.mjs", rendered.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(" 0 invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = { "single-node", "production" })
    void everyCatalogueTopicAndEveryDeadLetterTopicIsDeclared(String overlay) throws IOException {
        Set<String> declared = new TreeSet<>();
        for (JsonNode object : objects(overlay, "KafkaTopic")) {
            declared.add(object.at("/spec/topicName").asString());
        }
        Set<String> expected = new TreeSet<>();
        for (Topic topic : Topic.values()) {
            expected.add(topic.topicName());
        }
        expected.addAll(deadLetterTopicsOfTheServices());

        assertThat(declared).containsAll(expected);
    }

    /**
     * The catalogue's retention of every topic, and of every dead-letter topic the one of the topic it holds
     * letters of: a personal topic's dead letters are kept no longer than the topic, or an erased person would stay
     * in them.
     */
    @ParameterizedTest
    @ValueSource(strings = { "single-node", "production" })
    void everyTopicKeepsRecordsAsTheCatalogueSays(String overlay) {
        for (JsonNode object : objects(overlay, "KafkaTopic")) {
            String name = object.at("/spec/topicName").asString();
            Topic topic = Topic.named(name).or(() -> Topic.named(name.substring(0, name.indexOf(".v1.") + 3)))
                .orElseThrow(() -> new AssertionError(name + " is neither a catalogue topic nor one's dead letters"));
            TopicPolicy policy = topic.topicName().equals(name) ? topic.policy() : topic.deadLetterPolicy();
            Map<String, String> config = new TreeMap<>();
            object.at("/spec/config").properties().forEach(entry -> config.put(entry.getKey(), entry.getValue().asString()));
            assertThat(config).as(name).isEqualTo(new TreeMap<>(policy.configs()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "single-node", "production" })
    void everyServiceHasProbesResourcesAndTimeToShutDownGracefully(String overlay) {
        List<JsonNode> deployments = objects(overlay, "Deployment");
        assertThat(deployments).hasSize(4);
        for (JsonNode deployment : deployments) {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            String name = deployment.at("/metadata/name").asString();
            assertThat(container.at("/readinessProbe/httpGet/path").asString()).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asString()).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/resources/requests/memory").isMissingNode()).as(name).isFalse();
            assertThat(container.at("/resources/limits/memory").isMissingNode()).as(name).isFalse();
            assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).as(name)
                .isGreaterThan(20);
            assertThat(container.at("/env").toString()).as("%s reads its MongoDB URI from a Secret", name)
                .contains("secretKeyRef");
        }
        assertThat(objects(overlay, "HorizontalPodAutoscaler")).hasSize(4)
            .allSatisfy(hpa -> assertThat(hpa.at("/spec/maxReplicas").asInt())
                .as("no more consumers than the 6 partitions of a topic").isLessThanOrEqualTo(6));
        assertThat(objects(overlay, "PodDisruptionBudget")).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = { "single-node", "production" })
    void onlyTheServicesMayReachMongoDbAndKafka(String overlay) {
        List<JsonNode> policies = objects(overlay, "NetworkPolicy");
        assertThat(policies).anySatisfy(policy -> {
            assertThat(policy.at("/metadata/name").asString()).isEqualTo("default-deny-ingress");
            assertThat(policy.at("/spec/podSelector").size()).isZero();
        });
        JsonNode mongo = policies.stream().filter(p -> p.at("/metadata/name").asString().equals("mongodb-clients"))
            .findFirst().orElseThrow();
        assertThat(mongo.at("/spec/ingress/0/from/0/podSelector/matchLabels/diaspora-desk~1tier").asString())
            .isEqualTo("service");
    }

    private static List<JsonNode> objects(String overlay, String kind) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode object : Repository.yamlDocuments(render(overlay))) {
            if (kind.equals(object.at("/kind").asString())) {
                matching.add(object);
            }
        }
        return matching;
    }

    private static String render(String overlay) {
        Repository.requireTool("kubectl", "apt-get install kubernetes-client (kubectl kustomize needs no cluster)");
        Repository.Result result = Repository.run(List.of("kubectl", "kustomize", "k8s/overlays/" + overlay));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    /** The {@code dlq-name} of every consumer binding in the services' configuration. */
    private static Set<String> deadLetterTopicsOfTheServices() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern dlqName = Pattern.compile("dlq-name:\\s*(\\S+)");
        try (var files = Files.list(Repository.ROOT.resolve("services"))) {
            for (Path service : files.toList()) {
                Path config = service.resolve("src/main/resources/application.yml");
                if (Files.exists(config)) {
                    Matcher matcher = dlqName.matcher(Files.readString(config));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(names).as("the consumers' DLQ names").isNotEmpty();
        return names;
    }
}
