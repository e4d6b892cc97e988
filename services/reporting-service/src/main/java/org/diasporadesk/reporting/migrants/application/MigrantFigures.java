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
import org.diasporadesk.reporting.disclosure.SmallCellSuppression;
import org.diasporadesk.reporting.migrants.application.MigrantTally.Dimension;
import org.springframework.stereotype.Service;

/**
 * Registered migrants and households for an area of the territory and each unit directly below it, with
 * small cells suppressed so that no figure identifies a person or a small group.
 */
@Service
public class MigrantFigures {

    private final MigrantCounters counters;
    private final Territory territory;
    private final SmallCellSuppression suppression;

    MigrantFigures(MigrantCounters counters, Territory territory, SmallCellSuppression suppression) {
        this.counters = counters;
        this.territory = territory;
        this.suppression = suppression;
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
        Map<String, MigrantTally> byMunicipality = counters.tallies(territory.lowestLevelUnitsWithin(area.code()));
        List<TerritorialUnit> children = territory.children(area.code());
        MigrantTally total = tallyWithin(area, byMunicipality);
        List<MigrantTally> parts = children.stream().map(child -> tallyWithin(child, byMunicipality)).toList();
        SmallCellSuppression.Protected migrants = suppression.protect(total.migrants(),
                parts.stream().map(MigrantTally::migrants).toList());
        SmallCellSuppression.Protected households = suppression.protect(total.households(),
                parts.stream().map(MigrantTally::households).toList());
        List<AreaFigures> below = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            TerritorialUnit child = children.get(i);
            below.add(new AreaFigures(child.code(), child.name(), child.level(), migrants.parts().get(i),
                    households.parts().get(i), null, List.of()));
        }
        Function<Dimension, Map<String, Cell>> by = dimension -> suppression.protect(total.migrants(),
                total.by(dimension));
        Breakdowns breakdowns = new Breakdowns(by.apply(Dimension.DESTINATION_COUNTRY), by.apply(Dimension.SEX),
                by.apply(Dimension.AGE_BAND), by.apply(Dimension.LIFECYCLE_STAGE));
        return new AreaFigures(area.code(), area.name(), area.level(), migrants.total(), households.total(),
                breakdowns, below);
    }

    private MigrantTally tallyWithin(TerritorialUnit unit, Map<String, MigrantTally> byMunicipality) {
        return byMunicipality.entrySet().stream()
            .filter(entry -> territory.isWithin(entry.getKey(), unit.code()))
            .map(Map.Entry::getValue)
            .reduce(MigrantTally.NONE, MigrantTally::plus);
    }
}
