package org.diasporadesk.reporting.migrants.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.diasporadesk.reporting.disclosure.ProtectedTable;
import org.diasporadesk.reporting.disclosure.TerritoryTable;
import org.diasporadesk.reporting.migrants.application.MigrantTally.Dimension;
import org.springframework.stereotype.Service;

/**
 * Registered migrants and households for an area of the territory and each unit directly below it. Each measure
 * is protected as one table over the whole territory and every breakdown, so that a unit shows the same cells
 * whether it is asked for by itself or as part of its region.
 */
@Service
public class MigrantFigures {

    private static final String MIGRANTS = MigrantTables.MIGRANTS;
    private static final String HOUSEHOLDS = MigrantTables.HOUSEHOLDS;

    private final MigrantCounters counters;
    private final Territory territory;
    private final DisclosurePolicy disclosure;

    MigrantFigures(MigrantCounters counters, Territory territory, DisclosurePolicy disclosure) {
        this.counters = counters;
        this.territory = territory;
        this.disclosure = disclosure;
    }

    /**
     * @param migrantsBy the area's migrants by destination country, sex, age band and lifecycle stage, each
     *                   breakdown protected with the total; null for the units below
     */
    public record AreaFigures(String area, String name, String level, Cell migrants, Cell households,
            Breakdowns migrantsBy, List<AreaFigures> below) {
    }

    public record Breakdowns(Map<String, Cell> destinationCountry, Map<String, Cell> sex, Map<String, Cell> ageBand,
            Map<String, Cell> lifecycleStage) {
    }

    public AreaFigures forArea(String areaCode, Actor actor) {
        TerritorialUnit area = AreaAccess.require(actor, territory, "area", areaCode);
        Map<String, MigrantTally> byMunicipality = counters.tallies(territory.lowestLevelUnits());
        ProtectedTable migrants = disclosure.protect(MigrantTables.migrants(territory, byMunicipality));
        ProtectedTable households = disclosure.protect(MigrantTables.households(territory, byMunicipality));
        List<AreaFigures> below = new ArrayList<>();
        for (TerritorialUnit child : territory.children(area.code())) {
            below.add(new AreaFigures(child.code(), child.name(), child.level(),
                    migrants.cell(TerritoryTable.key(MIGRANTS, child.code(), TerritoryTable.TOTAL)),
                    households.cell(TerritoryTable.key(HOUSEHOLDS, child.code(), TerritoryTable.TOTAL)), null,
                    List.of()));
        }
        Function<Dimension, Map<String, Cell>> by = dimension -> migrants.breakdown(area.code(),
                dimension.name() + "=");
        Breakdowns breakdowns = new Breakdowns(by.apply(Dimension.DESTINATION_COUNTRY), by.apply(Dimension.SEX),
                by.apply(Dimension.AGE_BAND), by.apply(Dimension.LIFECYCLE_STAGE));
        return new AreaFigures(area.code(), area.name(), area.level(),
                migrants.cell(TerritoryTable.key(MIGRANTS, area.code(), TerritoryTable.TOTAL)),
                households.cell(TerritoryTable.key(HOUSEHOLDS, area.code(), TerritoryTable.TOTAL)), breakdowns, below);
    }
}
