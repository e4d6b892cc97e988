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
     * The published cells whose keys start with {@code prefix}, by the rest of their key: a breakdown. Values that
     * count none are left out, as before.
     */
    public Map<String, Cell> cellsStartingWith(String prefix) {
        LinkedTable table = pattern.table();
        Map<String, Cell> cells = new TreeMap<>();
        for (int i = 0; i < table.size(); i++) {
            String key = table.key(i);
            if (key.startsWith(prefix) && !table.isHidden(i) && table.value(i) != 0) {
                cells.put(key.substring(prefix.length()), cell(key));
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
