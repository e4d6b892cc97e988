package org.diasporadesk.reporting.disclosure;

import java.util.ArrayList;
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
    /** The category that holds a grouped breakdown's rare categories in lowest-level units. */
    public static final String OTHER = "OTHER";

    private final String measure;
    private final Territory territory;
    private final Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
    private final Set<String> categories = new LinkedHashSet<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Set<Breakdown> breakdowns = new LinkedHashSet<>();
    private final Set<String> groupedAtLowestLevel = new LinkedHashSet<>();

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

    /**
     * Global recoding of a breakdown's rare categories in lowest-level units: a category that the table's units have
     * fewer than {@link DisclosurePolicy#rareBelow() a policy's threshold} of on average is published there only
     * within {@code prefix + OTHER}; the units above still show it on its own. A municipality's handful of migrants
     * in a rare destination would otherwise be withheld and, with too few of it in the neighbouring municipalities to
     * hide it among, cost cells of its region. Which categories are rare is decided on the count the table shows for
     * the whole territory (rounded), so the grouping tells a reader nothing the figures do not.
     */
    public TerritoryTable groupRareAtLowestLevel(String prefix) {
        groupedAtLowestLevel.add(prefix);
        return this;
    }

    /** Within every unit, these categories add up to {@code total}. */
    public TerritoryTable sum(String total, List<String> parts) {
        breakdowns.add(new Breakdown(total, null, List.copyOf(parts)));
        return this;
    }

    /** The table with exact counts and no category grouped: {@link DisclosurePolicy#protect(TerritoryTable)} groups. */
    public LinkedTable build() {
        return addTo(LinkedTable.builder(measure)).build();
    }

    LinkedTable build(KeyedRounding rounding, long rareBelow) {
        return addTo(LinkedTable.builder(measure), rounding, rareBelow).build();
    }

    /** Adds the cells and relations to a table that holds more (a period's sign-offs beside its counts). */
    public LinkedTable.Builder addTo(LinkedTable.Builder table) {
        return addTo(table, KeyedRounding.NONE, 0);
    }

    private LinkedTable.Builder addTo(LinkedTable.Builder table, KeyedRounding rounding, long rareBelow) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        territory.units().forEach(unit -> counts.put(unit.code(), new TreeMap<>()));
        byUnit.forEach((municipality, categories) -> {
            for (TerritorialUnit unit : territory.lineage(municipality)) {
                Map<String, Long> sums = counts.get(unit.code());
                categories.forEach((category, count) -> sums.merge(category, count, Long::sum));
            }
        });
        counts.values().forEach(sums -> sums.values().removeIf(count -> count == 0));
        Set<String> grouped = rare(rounding, rareBelow);
        Set<String> others = new LinkedHashSet<>();
        for (String municipality : byUnit.keySet()) {
            Map<String, Long> sums = counts.get(municipality);
            for (String prefix : groupedAtLowestLevel) {
                List<String> members = sums.keySet().stream().filter(grouped::contains)
                    .filter(category -> category.startsWith(prefix)).toList();
                if (!members.isEmpty()) {
                    String other = prefix + OTHER;
                    others.add(other);
                    table.cell(key(measure, municipality, other),
                            members.stream().mapToLong(sums::get).sum());
                    table.place(key(measure, municipality, other), municipality, other);
                    table.relation(key(measure, municipality, other),
                            members.stream().map(category -> key(measure, municipality, category)).toList());
                }
            }
        }
        counts.forEach((unit, sums) -> sums.forEach((category, count) -> {
            if (grouped.contains(category) && territory.isLowestLevelUnit(unit)) {
                table.groupedCell(key(measure, unit, category), count);
            } else if (hidden.contains(category)) {
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
            boolean lowest = territory.isLowestLevelUnit(unit.code());
            for (Breakdown breakdown : breakdowns) {
                if (!sums.containsKey(breakdown.total())) {
                    continue;
                }
                List<String> categories = new ArrayList<>(sums.keySet());
                if (lowest) {
                    categories.removeAll(grouped);
                    others.stream().filter(other -> table.has(key(measure, unit.code(), other)))
                        .forEach(categories::add);
                }
                List<String> parts = categories.stream()
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

    /**
     * The categories of grouped breakdowns that the table's lowest-level units have fewer than {@code rareBelow} of
     * on average, judged on the rounded count of the whole territory, which is what its top unit shows.
     */
    private Set<String> rare(KeyedRounding rounding, long rareBelow) {
        Set<String> rare = new LinkedHashSet<>();
        if (groupedAtLowestLevel.isEmpty() || rareBelow <= 0 || byUnit.isEmpty()) {
            return rare;
        }
        List<TerritorialUnit> tops = territory.units().stream().filter(unit -> unit.parent() == null).toList();
        String top = tops.size() == 1 ? tops.get(0).code() : "";
        Map<String, Long> wholeTerritory = new TreeMap<>();
        byUnit.values().forEach(sums -> sums.forEach((category, count) -> wholeTerritory.merge(category, count,
                Long::sum)));
        wholeTerritory.forEach((category, count) -> {
            if (groupedAtLowestLevel.stream().anyMatch(category::startsWith)
                    && rounding.round(key(measure, top, category), count) < rareBelow * byUnit.size()) {
                rare.add(category);
            }
        });
        return rare;
    }
}
