package org.diasporadesk.reporting.periods;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.Topic;
import org.diasporadesk.reporting.hotline.TicketFactsFeed;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.snapshot;

/** Samegrelo's activity per period, and its planner signing off a month while events for it still arrive. */
@ServiceIntegrationTest
class PeriodFiguresIT {

    private static final String REGISTRY = Topic.REGISTRY_STATISTICS.topicName();
    private static final String SAMEGRELO_PLANNER = TestTokens.regional(Role.REGIONAL_PLANNER, "GE-SZ");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void activityIsCountedPerMonthOnTheOfficesCalendarWithSmallCellsWithheld() {
        record("GE-SZ-ZUGDIDI", LocalDate.of(2026, 9, 10), 6);
        record("GE-SZ-ZUGDIDI", LocalDate.of(2026, 10, 5), 7);
        record("GE-SZ-POTI", LocalDate.of(2026, 10, 20), 2);
        // 21:30 UTC on 31 October is 01:30 on 1 November in Tbilisi: the tickets belong to November.
        for (int i = 0; i < 5; i++) {
            TicketFactsFeed.opened("GE-SZ-SENAKI", Instant.parse("2026-10-31T21:30:00Z"));
        }

        String series = "/figures/over-time?area=GE-SZ&interval=month&from=2026-09-01&to=2026-11-30";
        await().atMost(WAIT).until(() -> api.get(series, SAMEGRELO_PLANNER).body()
            .at("/periods/2/figures/ticketsOpened/value").asLong() == 5
            && api.get(series, SAMEGRELO_PLANNER).body().at("/periods/1/figures/migrantsRecorded/value").asLong() == 9);

        JsonNode months = api.get(series, SAMEGRELO_PLANNER).body().get("periods");
        assertThat(months.valueStream().map(month -> month.get("period").asString()))
            .containsExactly("2026-09", "2026-10", "2026-11");
        assertThat(months.at("/0/figures/migrantsRecorded/value").asLong()).isEqualTo(6);
        assertThat(months.at("/0/status").asString()).isEqualTo("OPEN");
        assertThat(months.at("/1/figures/ticketsOpened/value").asLong()).isZero();
        JsonNode october = months.get(1).at("/figures/below");
        assertThat(unit(october, "GE-SZ-POTI").at("/migrantsRecorded/suppressed").asBoolean()).isTrue();
        assertThat(unit(october, "GE-SZ-ZUGDIDI").at("/migrantsRecorded/suppressed").asBoolean())
            .as("otherwise Poti = 9 - 7").isTrue();

        String csv = api.getText(series.replace("over-time", "over-time.csv"), SAMEGRELO_PLANNER);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("period,from,until,status,area,name,");
        assertThat(csv.lines()).contains(
                "2026-09,2026-09-01,2026-10-01,OPEN,GE-SZ,Samegrelo-Zemo Svaneti,6,withheld,0,,,",
                "2026-10,2026-10-01,2026-11-01,OPEN,GE-SZ-POTI,Poti,withheld,withheld,0,,,");

        JsonNode weeks = api.get("/figures/over-time?area=GE-SZ-ZUGDIDI&interval=week&from=2026-10-01&to=2026-10-11",
                SAMEGRELO_PLANNER).body().get("periods");
        assertThat(weeks.valueStream().map(week -> week.get("period").asString()))
            .containsExactly("2026-W40", "2026-W41");
        assertThat(weeks.at("/0/figures/migrantsRecorded/value").asLong()).as("5 October is in week 41").isZero();
        assertThat(weeks.at("/1/figures/migrantsRecorded/suppressed").asBoolean())
            .as("Zugdidi's October is withheld to protect Poti's 2; its week 41, all of its October, would give Poti's "
                    + "October away as 9 - 7")
            .isTrue();
    }

    @Test
    void aSignedOffMonthStaysAsApprovedAndLateEventsShowAsItsAdjustment() {
        record("GE-SZ-MARTVILI", LocalDate.of(2025, 6, 3), 8);
        await().atMost(WAIT).until(() -> migrantsOf(api.get("/figures/periods/2025-06?area=GE-SZ", SAMEGRELO_PLANNER)
            .body().get("figures")) == 8);

        ApiClient.Response signed = api.post("/sign-offs", SAMEGRELO_PLANNER,
                Map.of("area", "GE-SZ", "period", "2025-06"));
        assertThat(signed.status()).as("%s", signed.body()).isEqualTo(201);
        assertThat(signed.body().get("status").asString()).isEqualTo("SIGNED_OFF");
        assertThat(signed.body().get("signedOffBy").asString()).isEqualTo("regional_planner@GE-SZ");

        // A household recorded in June reaches reporting after the sign-off, and another moves into June's count.
        record("GE-SZ-KHOBI", LocalDate.of(2025, 6, 20), 5);
        await().atMost(WAIT).until(() -> migrantsOf(api.get("/figures/periods/2025-06?area=GE-SZ", SAMEGRELO_PLANNER)
            .body().get("lateAdjustment")) == 5);

        JsonNode june = api.get("/figures/periods/2025-06?area=GE-SZ", SAMEGRELO_PLANNER).body();
        assertThat(june.at("/figures/migrantsRecorded/value").asLong()).as("as approved").isEqualTo(8);
        assertThat(unit(june.at("/lateAdjustment/below"), "GE-SZ-KHOBI").at("/migrantsRecorded/value").asLong())
            .isEqualTo(5);
        JsonNode inSeries = api.get("/figures/over-time?area=GE-SZ&interval=month&from=2025-06-01&to=2025-06-30",
                SAMEGRELO_PLANNER).body().at("/periods/0");
        assertThat(inSeries.get("status").asString()).isEqualTo("SIGNED_OFF");
        assertThat(inSeries.at("/figures/migrantsRecorded/value").asLong()).isEqualTo(8);
        assertThat(inSeries.at("/lateAdjustment/migrantsRecorded/value").asLong()).isEqualTo(5);

        // June's days add up to June as it is now, and are in one table with its approved figures and adjustment:
        // the day of the late household is withheld with the adjustment (the days' households minus the approved
        // one would give the withheld adjustment away), and the rest of June shows. 1 July is another month.
        JsonNode days = api.get("/figures/over-time?area=GE-SZ&interval=day&from=2025-06-01&to=2025-07-01",
                SAMEGRELO_PLANNER).body().get("periods");
        assertThat(june.at("/lateAdjustment/householdsRecorded/suppressed").asBoolean()).isTrue();
        assertThat(days.at("/19/period").asString()).isEqualTo("2025-06-20");
        assertThat(days.at("/19/figures/householdsRecorded/suppressed").asBoolean()).isTrue();
        assertThat(days.at("/2/period").asString()).isEqualTo("2025-06-03");
        assertThat(days.at("/2/figures/migrantsRecorded/value").asLong()).isEqualTo(8);
        assertThat(days.at("/30/period").asString()).isEqualTo("2025-07-01");
        assertThat(days.at("/30/figures/migrantsRecorded/value").asLong()).isZero();

        ApiClient.Response again = api.post("/sign-offs", SAMEGRELO_PLANNER,
                Map.of("area", "GE-SZ", "period", "2025-06"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(field(again)).isEqualTo("period");
    }

    @Test
    void onlyAnEndedMonthOfTheirOwnRegionCanBeSignedOffAndBadPeriodsAreNamed() {
        String nextMonth = java.time.YearMonth.now().plusMonths(1).toString();
        ApiClient.Response running = api.post("/sign-offs", SAMEGRELO_PLANNER, Map.of("area", "GE-SZ", "period",
                nextMonth));
        assertThat(running.status()).isEqualTo(409);
        assertThat(field(running)).isEqualTo("period");

        ApiClient.Response municipality = api.post("/sign-offs", SAMEGRELO_PLANNER,
                Map.of("area", "GE-SZ-POTI", "period", "2025-05"));
        assertThat(municipality.status()).isEqualTo(400);
        assertThat(field(municipality)).isEqualTo("area");

        ApiClient.Response otherRegion = api.post("/sign-offs", TestTokens.regional(Role.REGIONAL_PLANNER, "GE-IM"),
                Map.of("area", "GE-SZ", "period", "2025-05"));
        assertThat(otherRegion.status()).isEqualTo(403);

        ApiClient.Response agent = api.post("/sign-offs", TestTokens.municipal(Role.HOTLINE_AGENT, "GE-SZ-POTI"),
                Map.of("area", "GE-SZ", "period", "2025-05"));
        assertThat(agent.status()).isEqualTo(403);

        ApiClient.Response badMonth = api.get("/figures/periods/2025-13?area=GE-SZ", SAMEGRELO_PLANNER);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(field(badMonth)).isEqualTo("period");
        assertThat(badMonth.body().toString()).contains("2026-W42");

        ApiClient.Response badInterval = api.get("/figures/over-time?area=GE-SZ&interval=year&from=2025-01-01"
                + "&to=2025-12-31", SAMEGRELO_PLANNER);
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(field(badInterval)).isEqualTo("interval");

        ApiClient.Response tooLong = api.get("/figures/over-time?area=GE-SZ&interval=day&from=2020-01-01"
                + "&to=2025-12-31", SAMEGRELO_PLANNER);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(field(tooLong)).isEqualTo("to");

        ApiClient.Response week = api.post("/sign-offs", SAMEGRELO_PLANNER, Map.of("area", "GE-SZ", "period",
                "2025-W20"));
        assertThat(week.status()).isEqualTo(400);
        assertThat(field(week)).isEqualTo("period");
        assertThat(week.body().toString()).contains("by the month");

        ApiClient.Response noPeriod = api.post("/sign-offs", SAMEGRELO_PLANNER, Map.of("area", "GE-SZ"));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(field(noPeriod)).isEqualTo("period");
    }

    private static long migrantsOf(JsonNode activities) {
        return activities == null || activities.isNull() || activities.at("/migrantsRecorded/suppressed").asBoolean()
                ? -1 : activities.at("/migrantsRecorded/value").asLong();
    }

    private static JsonNode unit(JsonNode below, String area) {
        return below.valueStream().filter(unit -> unit.get("area").asString().equals(area)).findFirst().orElseThrow();
    }

    private static String field(ApiClient.Response response) {
        return response.body().get("errors").get(0).get("field").asString();
    }

    private static void record(String municipality, LocalDate recordedOn, int migrants) {
        KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, municipality, recordedOn, migrants));
    }
}
