package org.diasporadesk.reporting.disclosure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.reporting.migrants.application.MigrantCounters;
import org.diasporadesk.reporting.migrants.application.MigrantTally;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.household;

/**
 * The planner who reads the figures just before and just after one family's visit to the office, with the rounding
 * the service runs with (its own context: the shared one publishes exact counts). Nothing moves by one: every shown
 * count is a multiple of the base, and asking again without a change gives the same answer.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ddesk.reporting.disclosure.rounding-base=5")
class OverTimeAttackIT {

    private static final String REGION = "GE-KA";
    private static final String MUNICIPALITY = "GE-KA-SIGNAGI";
    private static final String PLANNER = TestTokens.regional(Role.REGIONAL_PLANNER, REGION);

    @LocalServerPort
    int port;

    @Autowired
    MigrantCounters counters;

    @Test
    void oneRegistrationBetweenTwoReadsNeverShowsAsAChangeOfOne() {
        ApiClient api = ApiClient.local(port);
        register(Map.of("GR", 23, "IT", 12, "DE", 7));
        Map<String, JsonNode> before = read(api);
        assertThat(read(api)).as("the same question, the same answer").isEqualTo(before);

        register(Map.of("IT", 1));
        Map<String, JsonNode> after = read(api);

        before.forEach((cell, shown) -> {
            JsonNode later = after.get(cell);
            assertThat(later).as(cell).isNotNull();
            for (JsonNode value : List.of(shown, later)) {
                if (!value.get("suppressed").asBoolean()) {
                    assertThat(value.get("value").asLong() % 5).as("%s is rounded to 5: %s", cell, value).isZero();
                }
            }
            if (!shown.get("suppressed").asBoolean() && !later.get("suppressed").asBoolean()) {
                long change = later.get("value").asLong() - shown.get("value").asLong();
                assertThat(change % 5).as("%s moved by %d", cell, change).isZero();
            }
        });
    }

    private void register(Map<String, Integer> destinations) {
        long expected = counted() + destinations.values().stream().mapToLong(Integer::longValue).sum();
        Map<MigrantProfile, Integer> migrants = new LinkedHashMap<>();
        destinations.forEach((country, count) -> migrants.put(new MigrantProfile(Sex.FEMALE, AgeBand.FROM_35_TO_44,
                country, LifecycleStage.ABROAD), count));
        KafkaProbe.publish(Topic.REGISTRY_STATISTICS.topicName(), household(UUID.randomUUID().toString(), 1,
                MUNICIPALITY, migrants));
        await().atMost(Duration.ofSeconds(15)).until(() -> counted() == expected);
    }

    /** Every count the planner can read about the municipality: its figures, its region's, and today's activity. */
    private Map<String, JsonNode> read(ApiClient api) {
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        for (String area : List.of(REGION, MUNICIPALITY)) {
            ApiClient.Response response = api.get("/figures/migrants?area=" + area, PLANNER);
            assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
            JsonNode figures = response.body();
            cells.put(area, figures.get("migrants"));
            figures.get("migrantsBy").properties().forEach(dimension -> dimension.getValue().properties()
                .forEach(value -> cells.put(area + "|" + dimension.getKey() + "=" + value.getKey(), value.getValue())));
            figures.get("below").forEach(unit -> cells.put(area + ">" + unit.get("area").asString(), unit.get(
                    "migrants")));
            String today = LocalDate.now().toString();
            JsonNode series = api.get("/figures/over-time?area=" + area + "&interval=day&from=" + today + "&to="
                    + today, PLANNER).body();
            series.get("periods").forEach(period -> cells.put(area + "@" + period.get("period").asString(),
                    period.at("/figures/migrantsRecorded")));
        }
        return cells;
    }

    private long counted() {
        return counters.tallies(List.of(MUNICIPALITY)).values().stream().mapToLong(MigrantTally::migrants).sum();
    }
}
