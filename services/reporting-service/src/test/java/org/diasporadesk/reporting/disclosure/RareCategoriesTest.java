package org.diasporadesk.reporting.disclosure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.diasporadesk.chassis.territory.Territory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rare destinations grouped in municipalities: a region of three municipalities where Greece is common and Italy and
 * Germany rare. Counts are exact (no rounding), a planner's best case.
 */
class RareCategoriesTest {

    private static final int K = 5;
    private static final String DESTINATION = "DESTINATION_COUNTRY=";

    @Test
    void municipalitiesShowRareDestinationsOnlyAsOtherCountriesAndTheRegionShowsThemOnTheirOwn() throws IOException {
        ProtectedTable table = new DisclosurePolicy(K, 1, null, 20).protect(table(Map.of(
                "M1", Map.of("GR", 38, "IT", 1, "DE", 1),
                "M2", Map.of("GR", 30, "IT", 6),
                "M3", Map.of("GR", 25, "IT", 7, "DE", 6))));

        assertThat(table.breakdown("M2", DESTINATION)).as("60 Greece, 14 Italy, 7 Germany: 20 a municipality is the bar")
            .containsOnlyKeys("GR", TerritoryTable.OTHER)
            .containsEntry("GR", Cell.shown(30))
            .containsEntry(TerritoryTable.OTHER, Cell.shown(6));
        assertThat(table.breakdown("M1", DESTINATION).get(TerritoryTable.OTHER)).as("two people").isEqualTo(
                Cell.withheld());
        assertThat(table.breakdown("R", DESTINATION)).containsOnlyKeys("GR", "IT", "DE")
            .containsEntry("IT", Cell.shown(14)).containsEntry("DE", Cell.shown(7));
    }

    @Test
    void aGroupedCountOfOneCannotBeWorkedOutFromTheRegionAndTheOtherMunicipalities() throws IOException {
        // Italy alone makes M2's and M3's other countries: without protection, M1's Italy = 14 - 6 - 7 = 1.
        DisclosurePolicy policy = new DisclosurePolicy(K, 1, null, 20);
        ProtectedTable table = policy.protect(table(Map.of(
                "M1", Map.of("GR", 38, "IT", 1, "DE", 6),
                "M2", Map.of("GR", 30, "IT", 6),
                "M3", Map.of("GR", 25, "IT", 7))));
        LinkedTable cells = table.pattern().table();
        int italy = cells.indexOf(TerritoryTable.key("migrants", "M1", DESTINATION + "IT"));
        assertThat(cells.isGrouped(italy)).isTrue();

        Adversary.Bounds bounds = Adversary.solve(cells, table.pattern()).get(cells.key(italy));

        assertThat(bounds.determined()).as("%s", bounds).isFalse();
        assertThat(bounds.highest()).as("%s", bounds).isGreaterThanOrEqualTo(K);
    }

    @Test
    void withoutAThresholdNothingIsGrouped() throws IOException {
        ProtectedTable table = new DisclosurePolicy(K, 1, null, 0).protect(table(Map.of(
                "M1", Map.of("GR", 38, "IT", 1, "DE", 1),
                "M2", Map.of("GR", 30, "IT", 6))));

        assertThat(table.breakdown("M1", DESTINATION)).containsOnlyKeys("GR", "IT", "DE");
    }

    private static TerritoryTable table(Map<String, Map<String, Integer>> destinations) throws IOException {
        Territory territory = Territory.read(new ByteArrayInputStream(("""
                {"country":"N","version":"1","levels":["municipality","region"],"units":[
                 {"code":"R","name":"R","level":"region","parent":null},
                 {"code":"M1","name":"M1","level":"municipality","parent":"R"},
                 {"code":"M2","name":"M2","level":"municipality","parent":"R"},
                 {"code":"M3","name":"M3","level":"municipality","parent":"R"}]}""")
            .getBytes(StandardCharsets.UTF_8)));
        TerritoryTable table = TerritoryTable.of("migrants", territory).groupRareAtLowestLevel(DESTINATION)
            .breakdown(TerritoryTable.TOTAL, DESTINATION);
        destinations.forEach((municipality, counts) -> counts.forEach((country, count) -> {
            table.add(municipality, TerritoryTable.TOTAL, count);
            table.add(municipality, DESTINATION + country, count);
        }));
        return table;
    }
}
