package org.diasporadesk.reporting.disclosure;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which cells of a linked table are withheld. Primary suppression: a count from 1 to k-1 (by size: -3 like 3); a
 * grouped one ({@link LinkedTable#isGrouped}) is not published anyway, but is protected the same way.
 * Secondary suppression: every withheld cell must have a witness, another table that a reader cannot exclude, in
 * which a small cell reaches k or more (-k or less for a small negative difference) and any other withheld cell
 * moves, up or down. A witness is looked for as a rectangle of withheld cells ({@link Rectangles}), then by a search
 * ({@link AlternativeTable}); while a cell has none, the corners of its cheapest rectangle are withheld too, or, for
 * cells without rectangles, the smallest shown count that could give the search its room (a part before a total),
 * from the relations where the search got stuck. Adding a withheld cell never takes a witness away, so one pass over
 * the withheld cells, in a fixed order, decides the pattern; the same table always gets the same pattern.
 */
public final class SuppressionPattern {

    private static final Logger log = LoggerFactory.getLogger(SuppressionPattern.class);

    private final LinkedTable table;
    private final BitSet withheld;

    private SuppressionPattern(LinkedTable table, BitSet withheld) {
        this.table = table;
        this.withheld = withheld;
    }

    public static SuppressionPattern decide(LinkedTable table, int minimumCount) {
        BitSet withheld = new BitSet(table.size());
        for (int cell = 0; cell < table.size(); cell++) {
            if (!table.isHidden(cell) && (table.wasWithheld(cell) || isSmall(table.value(cell), minimumCount))) {
                withheld.set(cell);
            }
        }
        BitSet unseen = (BitSet) withheld.clone();
        for (int cell = 0; cell < table.size(); cell++) {
            if (table.isHidden(cell)) {
                unseen.set(cell);
            }
        }
        AlternativeTable alternatives = new AlternativeTable(table, unseen);
        Deque<Integer> toProtect = new ArrayDeque<>();
        for (int cell = 0; cell < table.size(); cell++) {
            if (withheld.get(cell) || table.isGrouped(cell) && isSmall(table.value(cell), minimumCount)) {
                toProtect.add(cell);
            }
        }
        while (!toProtect.isEmpty()) {
            int cell = toProtect.poll();
            boolean small = isSmall(table.value(cell), minimumCount);
            long step = small ? minimumCount - Math.abs(table.value(cell)) : 1;
            int away = table.value(cell) < 0 ? -1 : 1;
            Rectangles rectangles = new Rectangles(table, withheld);
            int[] rectangle = rectangles.cheapest(cell, away, step);
            if (!small && (rectangle == null || rectangles.cost(rectangle) > 0)) {
                rectangle = rectangles.cheaper(rectangle, rectangles.cheapest(cell, -away, step));
            }
            if (rectangle != null && rectangles.cost(rectangle) == 0
                    || alternatives.canMove(cell, away, step) || !small && alternatives.canMove(cell, -away, step)) {
                continue;
            }
            if (rectangle != null) {
                for (int corner : rectangle) {
                    if (!withheld.get(corner) && !table.isHidden(corner)) {
                        withheld.set(corner);
                        unseen.set(corner);
                        toProtect.addFirst(corner);
                    }
                }
                toProtect.addFirst(cell);
                continue;
            }
            alternatives.canMove(cell, away, step);
            int partner = partner(table, withheld, alternatives.deadEnds(), cell, step);
            if (partner < 0) {
                log.warn("{}: no witness for withheld cell {} and no shown count left to withhold with it",
                        table.name(), table.key(cell));
                continue;
            }
            withheld.set(partner);
            unseen.set(partner);
            toProtect.addFirst(partner);
            toProtect.addFirst(cell);
        }
        return new SuppressionPattern(table, withheld);
    }

    public boolean isWithheld(int cell) {
        return withheld.get(cell);
    }

    public int withheldCount() {
        return withheld.cardinality();
    }

    LinkedTable table() {
        return table;
    }

    /**
     * The shown count to withhold next: the smallest that can give the step (a part before a total), else the
     * largest, from the relations where the search got stuck and the cell's own; if all of those are withheld
     * already, from the relations one step further out, and so on.
     */
    private static int partner(LinkedTable table, BitSet withheld, BitSet deadEnds, int cell, long step) {
        BitSet layer = (BitSet) deadEnds.clone();
        for (int r : table.relationsOf(cell)) {
            layer.set(r);
        }
        BitSet seen = (BitSet) layer.clone();
        while (!layer.isEmpty()) {
            int best = best(table, withheld, layer, step);
            if (best >= 0) {
                return best;
            }
            BitSet next = new BitSet();
            for (int r = layer.nextSetBit(0); r >= 0; r = layer.nextSetBit(r + 1)) {
                for (int member : table.relations()[r]) {
                    for (int further : table.relationsOf(member)) {
                        if (!seen.get(further)) {
                            next.set(further);
                            seen.set(further);
                        }
                    }
                }
            }
            layer = next;
        }
        return -1;
    }

    private static int best(LinkedTable table, BitSet withheld, BitSet relations, long step) {
        int best = -1;
        long bestRank = Long.MAX_VALUE;
        for (int r = relations.nextSetBit(0); r >= 0; r = relations.nextSetBit(r + 1)) {
            int[] cells = table.relations()[r];
            for (int i = 0; i < cells.length; i++) {
                int candidate = cells[i];
                long value = Math.abs(table.value(candidate));
                if (withheld.get(candidate) || table.isHidden(candidate) || table.wasShown(candidate) || value == 0) {
                    continue;
                }
                boolean enough = table.roomBelow(candidate) >= step;
                long rank = (enough ? 0 : 1L << 60) + (i == 0 ? 1L << 59 : 0) + (enough ? value : -value);
                if (rank < bestRank || rank == bestRank && candidate < best) {
                    best = candidate;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    private static boolean isSmall(long count, int minimumCount) {
        return count != 0 && Math.abs(count) < minimumCount;
    }
}
