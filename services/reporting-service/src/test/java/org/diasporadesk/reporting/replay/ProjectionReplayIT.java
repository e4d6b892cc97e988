package org.diasporadesk.reporting.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.Topic;
import org.diasporadesk.reporting.hotline.TicketFactsFeed;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestMetrics;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.envelope;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.snapshot;

/**
 * An administrator rebuilds the projections from the Kafka history: every figure the planners see is the same
 * afterwards, redelivered, overtaken and unreadable events included, and new events are counted again.
 */
@ServiceIntegrationTest
class ProjectionReplayIT {

    private static final String REGISTRY = Topic.REGISTRY_STATISTICS.topicName();
    private static final String NATIONAL = TestTokens.national(Role.NATIONAL_PLANNER);
    private static final String ADMINISTRATOR = TestTokens.national(Role.ADMINISTRATOR);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> FIGURES = List.of("/figures/migrants?area=GE", "/figures/hotline?area=GE",
            "/figures/outreach?area=GE", "/figures/migrants?area=GE-TB",
            "/figures/over-time?area=GE&interval=month&from=2025-01-01&to=2026-12-31");

    private static final String STATISTICS_BINDING = "householdStatistics-in-0";

    @LocalServerPort
    int port;

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRebuildFromTheKafkaHistoryGivesTheSameFiguresAndCountingGoesOn() {
        ApiClient api = ApiClient.local(port);
        String household = UUID.randomUUID().toString();
        KafkaProbe.publish(REGISTRY, snapshot(household, 1, "GE-TB-TBILISI", LocalDate.of(2026, 3, 2), 6));
        KafkaProbe.publish(REGISTRY, snapshot(household, 2, "GE-TB-TBILISI", LocalDate.of(2026, 3, 2), 9));
        KafkaProbe.publish(REGISTRY, snapshot(household, 1, "GE-TB-TBILISI", LocalDate.of(2026, 3, 2), 6));
        KafkaProbe.publish(REGISTRY, envelope(household, 3, "GE-TB-TBILISI", "{not json".getBytes()));
        TicketFactsFeed.opened("GE-TB-TBILISI", Instant.parse("2026-03-03T08:00:00Z"));
        await().atMost(WAIT).until(() -> api.get("/figures/migrants?area=GE-TB", NATIONAL).body()
            .at("/migrants/value").asLong() >= 9 && api.get("/figures/hotline?area=GE-TB", NATIONAL).body()
                .at("/below/0/tickets/suppressed").asBoolean());
        Map<String, JsonNode> before = figures(api);

        ApiClient.Response started = api.post("/admin/replays", ADMINISTRATOR, "{}");
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        String progressUri = started.headers().getLocation().toString();
        await().atMost(WAIT).until(() -> !api.get(progressUri, ADMINISTRATOR).body().get("state").asString()
            .equals("RUNNING"));

        JsonNode progress = api.get(progressUri, ADMINISTRATOR).body();
        assertThat(progress.get("state").asString()).as("%s", progress).isEqualTo("COMPLETED");
        assertThat(progress.get("applied").asLong()).isEqualTo(progress.get("events").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(progress.get("unreadable").asLong()).as("the unreadable record, skipped again").isPositive();
        assertThat(progress.get("percentDone").asDouble()).isEqualTo(100.0);
        assertThat(figures(api)).isEqualTo(before);

        KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-TB-TBILISI", 5));
        long tbilisi = before.get("/figures/migrants?area=GE-TB").at("/migrants/value").asLong();
        await().atMost(WAIT).until(() -> api.get("/figures/migrants?area=GE-TB", NATIONAL).body()
            .at("/migrants/value").asLong() == tbilisi + 5);
    }

    /**
     * Records the consumer had not read when the replay began (here its binding was stopped) are applied by the
     * replay; the restarted consumer then carries on after them instead of reading them again as duplicates.
     */
    @Test
    void theConsumersCarryOnWhereTheReplayStopped() {
        ApiClient api = ApiClient.local(port);
        bindings.stop(STATISTICS_BINDING);
        long before = kutaisi(api);
        List<String> households = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        households.forEach(household -> KafkaProbe.publish(REGISTRY, snapshot(household, 1, "GE-IM-KUTAISI", 5)));
        String type = snapshot(households.get(0), 1, "GE-IM-KUTAISI", 5).type();
        double duplicatesBefore = TestMetrics.count(meters, "ddesk.events.duplicates", "type", type);

        String progressUri = api.post("/admin/replays", ADMINISTRATOR, "{}").headers().getLocation().toString();
        await().atMost(WAIT).until(() -> api.get(progressUri, ADMINISTRATOR).body().get("state").asString()
            .equals("COMPLETED"));
        long replayed = kutaisi(api);
        assertThat(replayed).isGreaterThanOrEqualTo(before + 15);

        // each household again, one migrant more: same keys, so each lands behind its first snapshot
        households.forEach(household -> KafkaProbe.publish(REGISTRY, snapshot(household, 2, "GE-IM-KUTAISI", 6)));
        await().atMost(WAIT).until(() -> kutaisi(api) >= replayed + 3);
        assertThat(TestMetrics.count(meters, "ddesk.events.duplicates", "type", type))
            .as("snapshots the replay applied, read again").isEqualTo(duplicatesBefore);
    }

    private static long kutaisi(ApiClient api) {
        return api.get("/figures/migrants?area=GE-IM-KUTAISI", NATIONAL).body().at("/migrants/value").asLong();
    }

    @Test
    void onlyAdministratorsRebuildAndUnknownReplaysAreNamed() {
        ApiClient api = ApiClient.local(port);
        assertThat(api.post("/admin/replays", NATIONAL, "{}").status()).isEqualTo(403);
        assertThat(api.get("/admin/replays/" + UUID.randomUUID(), ADMINISTRATOR).status()).isEqualTo(404);
    }

    private Map<String, JsonNode> figures(ApiClient api) {
        return FIGURES.stream().collect(java.util.stream.Collectors.toMap(path -> path, path -> {
            ApiClient.Response response = api.get(path, NATIONAL);
            assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(200);
            return response.body();
        }));
    }
}
