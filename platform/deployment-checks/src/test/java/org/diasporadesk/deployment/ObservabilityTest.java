package org.diasporadesk.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityTest {

    /**
     * Metrics that dashboards and alerts may show before the code publishes them (none at present): name one
     * here while its code is still to come, and remove it when the code lands.
     */
    private static final Set<String> PLANNED = Set.of();

    private static final Pattern PROMETHEUS_NAME = Pattern.compile("ddesk_[a-z_]+");
    private static final Pattern MICROMETER_NAME = Pattern.compile("\"(ddesk\\.[a-z_.]+)\"");

    @Test
    void prometheusConfigurationAndAlertRulesPassPromtool() {
        Repository.requireTool("promtool", "apt-get install prometheus (promtool ships with it)");

        Repository.Result rules = Repository.run(List.of("promtool", "check", "rules", "deploy/prometheus/alerts.yml"));
        Repository.Result config = Repository.run(List.of("promtool", "check", "config", "--syntax-only",
                "deploy/prometheus/prometheus.yml"));

        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void everyAlertSaysWhatToDoNext() {
        for (JsonNode group : Repository.yaml("deploy/prometheus/alerts.yml").get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                assertThat(rule.at("/annotations/description").asString()).as(rule.get("alert").asString()).isNotBlank();
                assertThat(rule.at("/labels/severity").asString()).isIn("warning", "critical");
            }
        }
    }

    @Test
    void everyDashboardPanelQueriesPrometheus() throws IOException {
        List<Path> dashboards = dashboards();
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : dashboards) {
            JsonNode dashboard = Repository.JSON.readTree(file.toFile());
            assertThat(dashboard.get("uid").asString()).isNotBlank();
            for (JsonNode panel : dashboard.get("panels")) {
                if (!"row".equals(panel.get("type").asString())) {
                    assertThat(panel.at("/targets/0/expr").asString()).as("%s: %s", file.getFileName(),
                            panel.get("title").asString()).isNotBlank();
                }
            }
        }
    }

    @Test
    void dashboardsAndAlertsUseOnlyMetricsTheServicesPublish() throws IOException {
        Set<String> published = publishedMetrics();
        Set<String> used = new TreeSet<>(namesIn(Repository.read("deploy/prometheus/alerts.yml")));
        for (Path dashboard : dashboards()) {
            used.addAll(namesIn(Files.readString(dashboard)));
        }

        assertThat(published).as("metrics registered in the code").contains("ddesk_outbox_backlog",
                "ddesk_events_dead_lettered");
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(published.contains(name) || PLANNED.contains(name))
            .as("%s is published by the code (or planned)", name).isTrue());
    }

    /** Prometheus names without the suffixes Micrometer adds to counters, gauges in bytes and timers. */
    private static Set<String> namesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PROMETHEUS_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group().replaceAll("_(total|seconds|bytes|count|sum|bucket)$", ""));
        }
        return names;
    }

    private static Set<String> publishedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String folder : List.of("platform", "services")) {
            try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(folder))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("src/main")).toList()) {
                    Matcher matcher = MICROMETER_NAME.matcher(Files.readString(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return names;
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(Repository.ROOT.resolve("deploy/grafana/dashboards"))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }
}
