package org.diasporadesk.reporting.disclosure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;

/**
 * A measure counted in every unit of the territory, as a {@link LinkedTable}: counts come per lowest-level unit and
 * category, every unit above holds the sum of the units below it (a relation per unit and category), and within
 * each unit the breakdowns declared add up to their total. Categories are names such as {@code TOTAL} or
 * {@code DESTINATION_COUNTRY=GR}; a cell's key is {@code measure|unit|category}.
 */
public final class TerritoryTable {

    public static final String TOTAL = "TOTAL";

    private final String measure;
    private final Territory territory;
    private final Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
    private final Set<String> categories = new LinkedHashSet<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Set<Breakdown> breakdowns = new LinkedHashSet<>();

    private record Breakdown(String total, String prefix, List<String> parts) {
    }

    private TerritoryTable(String measure, Territory territory) {
        this.measure = measure;
        this.territory = territory;
    }

    public static TerritoryTable of(String measure, Territory territory) {
        return new TerritoryTable(measure, territory);
    }

    public static String key(String measure, String unit, String category) {
        return measure + "|" + unit + "|" + category;
    }

    /** Adds to the count of a category in a lowest-level unit; a unit the territory does not know is left out. */
    public TerritoryTable add(String municipality, String category, long count) {
        if (count != 0 && territory.isLowestLevelUnit(municipality)) {
            byUnit.computeIfAbsent(municipality, ignored -> new TreeMap<>()).merge(category, count, Long::sum);
            categories.add(category);
        }
        return this;
    }

    /** A category that is never published, though its sums are known (answered and missed make all calls). */
    public TerritoryTable hide(String category) {
        hidden.add(category);
        return this;
    }

    /** Within every unit, the categories starting with {@code prefix} add up to {@code total}. */
    public TerritoryTable breakdown(String total, String prefix) {
        breakdowns.add(new Breakdown(total, prefix, null));
        return this;
    }

    /** Within every unit, these categories add up to {@code total}. */
    public TerritoryTable sum(String total, List<String> parts) {
        breakdowns.add(new Breakdown(total, null, List.copyOf(parts)));
        return this;
    }

    public LinkedTable build() {
        return addTo(LinkedTable.builder(measure)).build();
    }

    /** Adds the cells and relations to a table that holds more (a period's sign-offs beside its counts). */
    public LinkedTable.Builder addTo(LinkedTable.Builder table) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        territory.units().forEach(unit -> counts.put(unit.code(), new TreeMap<>()));
        byUnit.forEach((municipality, categories) -> {
            for (TerritorialUnit unit : territory.lineage(municipality)) {
                Map<String, Long> sums = counts.get(unit.code());
                categories.forEach((category, count) -> sums.merge(category, count, Long::sum));
            }
        });
        counts.values().forEach(sums -> sums.values().removeIf(count -> count == 0));
        counts.forEach((unit, sums) -> sums.forEach((category, count) -> {
            if (hidden.contains(category)) {
                table.hiddenCell(key(measure, unit, category), count);
            } else {
                table.cell(key(measure, unit, category), count);
            }
            table.place(key(measure, unit, category), unit, category);
        }));
        territory.units().stream().filter(unit -> unit.parent() != null)
            .forEach(unit -> table.parent(unit.code(), unit.parent()));
        for (TerritorialUnit unit : territory.units()) {
            Map<String, Long> sums = counts.get(unit.code());
            List<TerritorialUnit> children = territory.children(unit.code());
            for (String category : sums.keySet()) {
                List<String> parts = children.stream()
                    .filter(child -> counts.get(child.code()).containsKey(category))
                    .map(child -> key(measure, child.code(), category))
                    .toList();
                if (!parts.isEmpty()) {
                    table.relation(key(measure, unit.code(), category), parts);
                }
            }
            for (Breakdown breakdown : breakdowns) {
                if (!sums.containsKey(breakdown.total())) {
                    continue;
                }
                List<String> parts = sums.keySet().stream()
                    .filter(category -> breakdown.prefix() != null ? category.startsWith(breakdown.prefix())
                            : breakdown.parts().contains(category))
                    .map(category -> key(measure, unit.code(), category))
                    .toList();
                if (!parts.isEmpty()) {
                    table.relation(key(measure, unit.code(), breakdown.total()), parts);
                }
            }
        }
        return table;
    }
}
