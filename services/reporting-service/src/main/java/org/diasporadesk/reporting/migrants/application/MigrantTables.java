package org.diasporadesk.reporting.migrants.application;

import java.util.Map;

import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.LinkedTable;
import org.diasporadesk.reporting.disclosure.TerritoryTable;
import org.diasporadesk.reporting.migrants.application.MigrantTally.Dimension;

/** The migrant measures as the disclosure policy protects them: each one table over the whole territory. */
public final class MigrantTables {

    public static final String MIGRANTS = "migrants";
    public static final String HOUSEHOLDS = "households";

    private MigrantTables() {
    }

    /**
     * Migrants in every unit, and in each by every dimension (categories such as {@code SEX=FEMALE}); municipalities
     * show rare destination countries only together, as {@code DESTINATION_COUNTRY=OTHER}.
     */
    public static TerritoryTable migrants(Territory territory, Map<String, MigrantTally> byMunicipality) {
        TerritoryTable table = TerritoryTable.of(MIGRANTS, territory)
            .groupRareAtLowestLevel(Dimension.DESTINATION_COUNTRY.name() + "=");
        for (Dimension dimension : Dimension.values()) {
            table.breakdown(TerritoryTable.TOTAL, dimension.name() + "=");
        }
        byMunicipality.forEach((municipality, tally) -> {
            table.add(municipality, TerritoryTable.TOTAL, tally.migrants());
            for (Dimension dimension : Dimension.values()) {
                tally.by(dimension).forEach((value, count) -> table.add(municipality, dimension.name() + "=" + value,
                        count));
            }
        });
        return table;
    }

    public static LinkedTable households(Territory territory, Map<String, MigrantTally> byMunicipality) {
        TerritoryTable table = TerritoryTable.of(HOUSEHOLDS, territory);
        byMunicipality.forEach((municipality, tally) -> table.add(municipality, TerritoryTable.TOTAL,
                tally.households()));
        return table.build();
    }
}
