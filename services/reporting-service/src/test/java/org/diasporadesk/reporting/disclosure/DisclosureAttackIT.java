package org.diasporadesk.reporting.disclosure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.household;

/**
 * A regional planner who wants to work out withheld counts, with the API and a solver: small counts are seeded in
 * several municipalities of two regions, and the planner reads only what the API gives them, their region and each
 * of its municipalities. Shown counts are exact in this context (rounding off), which is the planner's best case.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureAttackIT {

    private static final int K = 5;
    private static final String[] DIMENSIONS = { "destinationCountry", "sex", "ageBand", "lifecycleStage" };
    private static final Map<String, Map<String, Integer>> SEEDS = Map.of(
            // Samtskhe-Javakheti: a municipality of 3, its smallest neighbour of 12, others larger
            "GE-SJ-ASPINDZA", Map.of("GR", 3),
            "GE-SJ-ADIGENI", Map.of("GR", 10, "IT", 1, "DE", 1),
            "GE-SJ-BORJOMI", Map.of("GR", 14, "IT", 6),
            "GE-SJ-AKHALTSIKHE", Map.of("GR", 9, "TR", 8, "RU", 2),
            // Samegrelo-Zemo Svaneti: 38 to Greece, 1 to Italy, 1 to Germany, and a municipality of 2
            "GE-SZ-ABASHA", Map.of("GR", 38, "IT", 1, "DE", 1),
            "GE-SZ-MESTIA", Map.of("GR", 2),
            "GE-SZ-KHOBI", Map.of("GR", 7, "RU", 9));

    @LocalServerPort
    int port;

    @Autowired
    MigrantCounters counters;

    @Autowired
    Territory territory;

    ApiClient api;

    @BeforeAll
    void seed() {
        api = ApiClient.local(port);
        Map<String, Long> expected = new LinkedHashMap<>();
        SEEDS.forEach((municipality, destinations) -> {
            expected.put(municipality, counted(municipality) + destinations.values().stream().mapToLong(n -> n).sum());
            Map<MigrantProfile, Integer> migrants = new LinkedHashMap<>();
            destinations.forEach((country, count) -> migrants.put(new MigrantProfile(Sex.MALE, AgeBand.FROM_25_TO_34,
                    country, LifecycleStage.ABROAD), count));
            KafkaProbe.publish(Topic.REGISTRY_STATISTICS.topicName(), household(UUID.randomUUID().toString(), 1,
                    municipality, migrants));
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> expected.entrySet().stream()
            .allMatch(entry -> counted(entry.getKey()) == entry.getValue()));
    }

    @Test
    void aUnitWithheldInItsRegionsTableIsWithheldWhenAskedForByItself() {
        for (String region : List.of("GE-SJ", "GE-SZ")) {
            String planner = TestTokens.regional(Role.REGIONAL_PLANNER, region);
            JsonNode figures = api.get("/figures/migrants?area=" + region, planner).body();
            List<String> withheld = new ArrayList<>();
            for (JsonNode unit : figures.get("below")) {
                JsonNode alone = api.get("/figures/migrants?area=" + unit.get("area").asString(), planner).body();
                assertThat(alone.get("migrants")).as(unit.get("area").asString()).isEqualTo(unit.get("migrants"));
                if (unit.at("/migrants/suppressed").asBoolean()) {
                    withheld.add(unit.get("area").asString());
                }
            }
            assertThat(withheld).as("%s: the small municipality", region).containsAnyOf("GE-SJ-ASPINDZA",
                    "GE-SZ-MESTIA");
            assertThat(withheld.size() > 1 || figures.at("/migrants/suppressed").asBoolean())
                .as("%s: the region's total minus the units shown must not give the small one away", region).isTrue();
        }
    }

    @Test
    void aDestinationOfOneBesideAnotherOfOneIsNotGivenAwayByTheirSum() {
        String planner = TestTokens.regional(Role.REGIONAL_PLANNER, "GE-SZ");
        JsonNode destinations = api.get("/figures/migrants?area=GE-SZ-ABASHA", planner).body()
            .at("/migrantsBy/destinationCountry");

        // With few migrants in the whole table a municipality lists no destination but OTHER (rare ones are grouped
        // there); a destination it lists is withheld for one person.
        for (String one : List.of("IT", "DE")) {
            assertThat(!destinations.has(one) || destinations.at("/" + one + "/suppressed").asBoolean())
                .as("%s: %s", one, destinations).isTrue();
        }
        assertThat(!destinations.has("GR") || destinations.at("/GR/suppressed").asBoolean()
                || api.get("/figures/migrants?area=GE-SZ-ABASHA", planner).body().at("/migrants/suppressed").asBoolean())
            .as("40 - 38 = 2 would make both exactly 1, or the other countries exactly 2: Greece or the total is "
                    + "withheld too").isTrue();
    }

    @Test
    void aPlannerSolvingEveryPublishedRelationDeterminesNoWithheldCountNorNarrowsOneBelowK() {
        for (String region : List.of("GE-SJ", "GE-SZ")) {
            String planner = TestTokens.regional(Role.REGIONAL_PLANNER, region);
            Map<String, Adversary.Known> cells = new LinkedHashMap<>();
            Set<String> groupedCells = new HashSet<>();
            List<List<String>> relations = new ArrayList<>();
            List<String> units = territory.children(region).stream().map(TerritorialUnit::code).toList();
            Map<String, JsonNode> figures = new LinkedHashMap<>();
            for (String area : concat(region, units)) {
                figures.put(area, api.get("/figures/migrants?area=" + area, planner).body());
                cells.put(area, known(figures.get(area).get("migrants")));
            }
            relations.add(concat(region, units));
            for (String dimension : DIMENSIONS) {
                // Municipalities list their own categories: rare destinations only within OTHER, which regions do not
                // list. A region's category that municipalities do not list is, in each of them, an unknown part of
                // its OTHER.
                TreeSet<String> ofRegion = new TreeSet<>();
                figures.get(region).at("/migrantsBy/" + dimension).propertyNames().forEach(ofRegion::add);
                TreeSet<String> ofUnits = new TreeSet<>();
                units.forEach(unit -> figures.get(unit).at("/migrantsBy/" + dimension).propertyNames()
                    .forEach(ofUnits::add));
                for (String area : figures.keySet()) {
                    JsonNode breakdown = figures.get(area).at("/migrantsBy/" + dimension);
                    List<String> parts = new ArrayList<>();
                    for (String value : area.equals(region) ? ofRegion : ofUnits) {
                        String key = area + "|" + dimension + "=" + value;
                        JsonNode cell = breakdown.get(value);
                        cells.put(key, cell == null ? Adversary.Known.shown(0)
                                : cell.get("suppressed").asBoolean() ? Adversary.Known.hidden() : known(cell));
                        parts.add(key);
                    }
                    relations.add(concat(area, parts));
                }
                List<String> grouped = ofRegion.stream().filter(value -> !ofUnits.contains(value)).toList();
                for (String value : ofRegion) {
                    relations.add(concat(region + "|" + dimension + "=" + value,
                            units.stream().map(unit -> unit + "|" + dimension + "=" + value).toList()));
                }
                for (String unit : units) {
                    grouped.forEach(value -> {
                        cells.put(unit + "|" + dimension + "=" + value, Adversary.Known.hidden());
                        groupedCells.add(unit + "|" + dimension + "=" + value);
                    });
                    if (!grouped.isEmpty()) {
                        assertThat(ofUnits).as("%s: grouped categories are published as OTHER", dimension)
                            .contains("OTHER");
                        relations.add(concat(unit + "|" + dimension + "=OTHER",
                                grouped.stream().map(value -> unit + "|" + dimension + "=" + value).toList()));
                    }
                }
            }

            Map<String, Adversary.Bounds> bounds = Adversary.solve(cells, relations, false);

            assertThat(bounds).as("%s has withheld cells to attack", region).isNotEmpty();
            bounds.forEach((cell, range) -> {
                if (range.highest() == 0) {
                    return; // a breakdown's withheld zero, worked out as zero: nobody
                }
                if (groupedCells.contains(cell)) {
                    // a count published only within OTHER, maybe nobody: never pinned to some but fewer than k
                    assertThat(range.lowest() >= 1 && range.highest() < K).as("%s: %s", cell, range).isFalse();
                    return;
                }
                assertThat(range.determined()).as("%s: %s", cell, range).isFalse();
                assertThat(range.highest()).as("%s: %s", cell, range).isGreaterThanOrEqualTo(K);
            });
        }
    }

    private static Adversary.Known known(JsonNode cell) {
        return cell.get("suppressed").asBoolean() ? Adversary.Known.withheld()
                : Adversary.Known.shown(cell.get("value").asLong());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private long counted(String municipality) {
        return counters.tallies(List.of(municipality)).values().stream().mapToLong(MigrantTally::migrants).sum();
    }
}
