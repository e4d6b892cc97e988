package org.diasporadesk.reporting.disclosure;

import java.util.Map;
import java.util.TreeMap;

/** A linked table as it may be published: withheld cells carry no value, shown ones are rounded. */
public final class ProtectedTable {

    private final SuppressionPattern pattern;
    private final KeyedRounding rounding;

    ProtectedTable(SuppressionPattern pattern, KeyedRounding rounding) {
        this.pattern = pattern;
        this.rounding = rounding;
    }

    /** The published cell; a cell the table does not hold counts zero, which is shown. */
    public Cell cell(String key) {
        Integer cell = pattern.table().indexOf(key);
        if (cell == null) {
            return Cell.shown(0);
        }
        if (pattern.table().isHidden(cell)) {
            throw new IllegalArgumentException(key + " is hidden: it is never published");
        }
        return pattern.isWithheld(cell) ? Cell.withheld()
                : Cell.shown(rounding.round(key, pattern.table().value(cell)));
    }

    /**
     * One unit's breakdown in a {@link TerritoryTable}, by category: every category under {@code dimension} (such as
     * {@code "DESTINATION_COUNTRY="}) that any unit of the unit's level has, and a category this unit has none of is
     * withheld like a small count. Otherwise a person's first registration in a category would show as the category appearing
     * in their unit's breakdown. The pattern treats such zeros as known, so every witness stays valid for a reader who
     * does not know them.
     */
    public Map<String, Cell> breakdown(String unit, String dimension) {
        LinkedTable table = pattern.table();
        int depth = table.depth(unit);
        Map<String, Cell> cells = new TreeMap<>();
        for (int i = 0; i < table.size(); i++) {
            String[] place = table.place(i);
            if (place != null && place[1].startsWith(dimension) && !table.isHidden(i)
                    && table.depth(place[0]) == depth) {
                Integer own = table.cellAt(unit, place[1]);
                cells.put(place[1].substring(dimension.length()), own == null ? Cell.withheld() : cell(table.key(own)));
            }
        }
        return cells;
    }

    /** How many published cells the pattern withholds. */
    public int withheldCount() {
        return pattern.withheldCount();
    }

    SuppressionPattern pattern() {
        return pattern;
    }
}
