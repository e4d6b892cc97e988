package org.diasporadesk.reporting.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts and the sums that tie them together, as a reader who collects every published figure sees them: each
 * relation says that a total is the sum of its parts. A reader knows every relation, whether its cells come in one
 * response or in several, so a table holds every count of a measure that any output publishes (the whole territory,
 * every breakdown), and its suppression pattern is decided once for all of them.
 *
 * <p>A hidden cell is never published (the calls on a line, answered and missed together), but its relations are
 * still known. A signed count may be negative (a late adjustment), so when withheld it has no lower bound.
 * Cells may come with a decision taken earlier (a signed-off period's approved figures): withheld or shown for good.
 */
public final class LinkedTable {

    private final String name;
    private final List<String> keys;
    private final Map<String, Integer> index;
    private final long[] values;
    private final BitSet hidden;
    private final BitSet grouped;
    private final BitSet withheldBefore;
    private final BitSet shownBefore;
    private final int[][] relations;
    private final int[][] relationsOf;
    private final BitSet signed;
    private final Map<String, String> parentOf;
    private final Map<String, List<String>> childrenOf;
    private final Map<Integer, String[]> unitAndCategory = new HashMap<>();
    private final Map<String, Integer> byPlace = new HashMap<>();

    private LinkedTable(Builder builder) {
        this.name = builder.name;
        this.keys = List.copyOf(builder.values.keySet());
        this.index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        this.values = builder.values.values().stream().mapToLong(Long::longValue).toArray();
        this.hidden = indices(builder.hidden);
        this.grouped = indices(builder.grouped);
        this.withheldBefore = indices(builder.withheldBefore);
        this.shownBefore = indices(builder.shownBefore);
        this.signed = indices(builder.signed);
        this.parentOf = Map.copyOf(builder.parentOf);
        Map<String, List<String>> children = new HashMap<>();
        builder.parentOf.forEach((unit, parent) -> children.computeIfAbsent(parent, ignored -> new ArrayList<>())
            .add(unit));
        children.values().forEach(list -> list.sort(null));
        this.childrenOf = children;
        builder.unitAndCategory.forEach((key, place) -> {
            unitAndCategory.put(index.get(key), place);
            byPlace.put(place[0] + "|" + place[1], index.get(key));
        });
        this.relations = builder.relations.stream()
            .map(relation -> relation.stream().mapToInt(index::get).toArray())
            .toArray(int[][]::new);
        List<List<Integer>> of = new ArrayList<>();
        keys.forEach(ignored -> of.add(new ArrayList<>()));
        for (int r = 0; r < relations.length; r++) {
            for (int cell : relations[r]) {
                if (!of.get(cell).contains(r)) {
                    of.get(cell).add(r);
                }
            }
        }
        this.relationsOf = of.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    int size() {
        return values.length;
    }

    String key(int cell) {
        return keys.get(cell);
    }

    Integer indexOf(String key) {
        return index.get(key);
    }

    long value(int cell) {
        return values[cell];
    }

    boolean isHidden(int cell) {
        return hidden.get(cell);
    }

    /** A hidden count of people that is published only within a group, and protected as a withheld one. */
    boolean isGrouped(int cell) {
        return grouped.get(cell);
    }

    boolean wasWithheld(int cell) {
        return withheldBefore.get(cell);
    }

    boolean wasShown(int cell) {
        return shownBefore.get(cell);
    }

    boolean isSigned(int cell) {
        return signed.get(cell);
    }

    /**
     * How far an unseen count can go down in a table a reader cannot exclude: a withheld count to 1 (zeros are shown,
     * so a reader knows it is not zero), a hidden one to 0, a signed one (a difference) without end.
     */
    long roomBelow(int cell) {
        if (isSigned(cell)) {
            return Long.MAX_VALUE;
        }
        return values[cell] - (isHidden(cell) ? 0 : 1);
    }

    /** The unit and category of a cell of a territory table, or null. */
    String[] place(int cell) {
        return unitAndCategory.get(cell);
    }

    /** The cell of a unit and category in a territory table, or null when the table holds none (a zero). */
    Integer cellAt(String unit, String category) {
        return byPlace.get(unit + "|" + category);
    }

    String parentOf(String unit) {
        return parentOf.get(unit);
    }

    /** How many units lie above this one in the territory's tree. */
    int depth(String unit) {
        int depth = 0;
        for (String above = parentOf.get(unit); above != null; above = parentOf.get(above)) {
            depth++;
        }
        return depth;
    }

    List<String> childrenOf(String unit) {
        return childrenOf.getOrDefault(unit, List.of());
    }

    /** Each relation as its total's index followed by its parts' indices. */
    int[][] relations() {
        return relations;
    }

    int[] relationsOf(int cell) {
        return relationsOf[cell];
    }

    /** Same cells, values, relations and earlier decisions: the pattern decided for one serves the other. */
    boolean sameAs(LinkedTable other) {
        return other != null && name.equals(other.name) && signed.equals(other.signed) && keys.equals(other.keys)
                && Arrays.equals(values, other.values) && hidden.equals(other.hidden)
                && grouped.equals(other.grouped)
                && withheldBefore.equals(other.withheldBefore) && shownBefore.equals(other.shownBefore)
                && Arrays.deepEquals(relations, other.relations);
    }

    private BitSet indices(List<String> cellKeys) {
        BitSet set = new BitSet(keys.size());
        cellKeys.forEach(key -> set.set(Objects.requireNonNull(index.get(key), () -> "no cell " + key)));
        return set;
    }

    public static final class Builder {

        private final String name;
        private final Map<String, Long> values = new LinkedHashMap<>();
        private final List<String> hidden = new ArrayList<>();
        private final List<String> grouped = new ArrayList<>();
        private final List<String> withheldBefore = new ArrayList<>();
        private final List<String> shownBefore = new ArrayList<>();
        private final List<List<String>> relations = new ArrayList<>();
        private final List<String> signed = new ArrayList<>();
        private final Map<String, String> parentOf = new HashMap<>();
        private final Map<String, String[]> unitAndCategory = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** A count that may be published; adding to a key already there adds to its count. */
        public Builder cell(String key, long value) {
            values.merge(key, value, Long::sum);
            return this;
        }

        /** A count that is never published, though the relations it is part of are known. */
        public Builder hiddenCell(String key, long value) {
            cell(key, value);
            hidden.add(key);
            return this;
        }

        /**
         * A count that is published only within a group (a municipality's migrants in a rare destination, within its
         * other countries): hidden, but a small one is protected like a withheld cell, since a reader could otherwise
         * work it out from the group's other units.
         */
        public Builder groupedCell(String key, long value) {
            hiddenCell(key, value);
            grouped.add(key);
            return this;
        }

        /** The total is the sum of the parts; every cell named must have been added. */
        public Builder relation(String total, List<String> parts) {
            List<String> relation = new ArrayList<>(parts.size() + 1);
            relation.add(total);
            relation.addAll(parts);
            relations.add(relation);
            return this;
        }

        /**
         * Where a cell of a territory table sits (its key is {@code table|unit|category}): lets the pattern look for
         * witnesses along the territory's tree.
         */
        public Builder place(String key, String unit, String category) {
            unitAndCategory.put(key, new String[] { unit, category });
            return this;
        }

        public Builder parent(String unit, String parent) {
            parentOf.put(unit, parent);
            return this;
        }

        /** A count that may be negative: a difference such as a late adjustment. */
        public Builder signedCell(String key, long value) {
            cell(key, value);
            signed.add(key);
            return this;
        }

        /** Withheld by an earlier decision that must not change (a signed-off period's approved figures). */
        public Builder withheldBefore(String key) {
            withheldBefore.add(key);
            return this;
        }

        /** Shown by an earlier decision that must not change: never chosen to protect another cell. */
        public Builder shownBefore(String key) {
            shownBefore.add(key);
            return this;
        }

        public boolean has(String key) {
            return values.containsKey(key);
        }

        public LinkedTable build() {
            return new LinkedTable(this);
        }
    }
}
