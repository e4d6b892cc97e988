package org.diasporadesk.reporting.migrants.application;

import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.OutOfScopeException;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.reporting.migrants.application.HouseholdProfiles.Counts;
import org.springframework.stereotype.Service;

/** Registered migrants and households for an area of the territory and each unit directly below it. */
@Service
public class MigrantFigures {

    private final HouseholdProfiles profiles;
    private final Territory territory;

    MigrantFigures(HouseholdProfiles profiles, Territory territory) {
        this.profiles = profiles;
        this.territory = territory;
    }

    public record AreaFigures(String area, String name, String level, long migrants, long households,
            List<AreaFigures> below) {
    }

    public AreaFigures forArea(String areaCode, Actor actor) {
        TerritorialUnit area = territory.unit(areaCode)
            .orElseThrow(() -> new InvalidFieldException("area", "'" + areaCode + "' is not a unit of the "
                    + territory.country() + " territory"));
        if (!actor.covers(areaCode, territory)) {
            throw new OutOfScopeException("area", areaCode);
        }
        Map<String, Counts> byMunicipality = profiles.countsByMunicipality();
        return figures(area, byMunicipality, true);
    }

    private AreaFigures figures(TerritorialUnit unit, Map<String, Counts> byMunicipality, boolean withChildren) {
        Counts total = byMunicipality.entrySet().stream()
            .filter(entry -> territory.isWithin(entry.getKey(), unit.code()))
            .map(Map.Entry::getValue)
            .reduce(Counts.ZERO, Counts::plus);
        List<AreaFigures> below = withChildren ? territory.children(unit.code()).stream()
            .map(child -> figures(child, byMunicipality, false))
            .toList() : List.of();
        return new AreaFigures(unit.code(), unit.name(), unit.level(), total.migrants(), total.households(), below);
    }
}
