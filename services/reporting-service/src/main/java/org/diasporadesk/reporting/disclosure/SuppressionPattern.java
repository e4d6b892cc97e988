package org.diasporadesk.reporting.disclosure;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which cells of a linked table are withheld. Primary suppression: a count from 1 to k-1 (by size: -3 like 3).
 * Secondary suppression: every withheld cell must have a witness ({@link AlternativeTable}) that a reader cannot
 * exclude, in which a small cell reaches k or more (-k or less for a small negative difference) and any other
 * withheld cell moves, up or down; while one has none, the
 * smallest shown count that could give the witness its room is withheld too (a part before a total), taken from the
 * relations where the search got stuck. Adding a withheld cell never takes a witness away, so one pass over the
 * withheld cells, in a fixed order, decides the pattern; the same table always gets the same pattern.
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
        withheld.stream().forEach(toProtect::add);
        while (!toProtect.isEmpty()) {
            int cell = toProtect.poll();
            boolean small = isSmall(table.value(cell), minimumCount);
            long step = small ? minimumCount - Math.abs(table.value(cell)) : 1;
            int away = table.value(cell) < 0 ? -1 : 1;
            int[] rectangle = rectangle(table, withheld, cell, away, step);
            if (!small && (rectangle == null || cost(table, withheld, rectangle) > 0)) {
                int[] other = rectangle(table, withheld, cell, -away, step);
                rectangle = other != null && (rectangle == null || cost(table, withheld, other)
                        < cost(table, withheld, rectangle)) ? other : rectangle;
            }
            if (rectangle != null && cost(table, withheld, rectangle) == 0
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
     * The cheapest rectangle around a cell, as the hypercube method of tau-Argus builds them: the cell and another
     * part of one of its relations (its unit's breakdown, say), a part of another of its relations (the same category
     * in a neighbouring unit), and the cell that shares a relation with each of those two (the other category in the
     * neighbouring unit). Moving the cell and the fourth corner one way and the other two the other way keeps every
     * sum: a witness of four cells, found without a search. Corners moved down must have room for the step; corners
     * not yet withheld cost their counts (zero cost: the cell is protected already). Null when the cell has no such
     * rectangle (a total, or a unit without neighbours): the search and the single partner are left for those.
     */
    private static int[] rectangle(LinkedTable table, BitSet withheld, int cell, int direction, long step) {
        if (!canMove(table, cell, direction, step)) {
            return null;
        }
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        int[] relations = table.relationsOf(cell);
        for (int a : relations) {
            for (int b : relations) {
                if (a == b || !isPart(table, a, cell) || !isPart(table, b, cell)) {
                    continue;
                }
                for (int row = 1; row < table.relations()[a].length; row++) {
                    int beside = table.relations()[a][row];
                    if (beside == cell || !canMove(table, beside, -direction, step)) {
                        continue;
                    }
                    for (int column = 1; column < table.relations()[b].length; column++) {
                        int neighbour = table.relations()[b][column];
                        if (neighbour == cell || !canMove(table, neighbour, -direction, step)) {
                            continue;
                        }
                        int corner = corner(table, a, b, beside, neighbour, cell);
                        if (corner < 0 || !canMove(table, corner, direction, step)) {
                            continue;
                        }
                        int[] corners = { beside, neighbour, corner };
                        long cost = cost(table, withheld, corners);
                        if (cost < bestCost) {
                            bestCost = cost;
                            best = corners;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The part that shares a relation other than {@code a} with {@code beside} and one other than {@code b} with
     * {@code neighbour}, and whose moves balance: the rectangle's fourth corner. */
    private static int corner(LinkedTable table, int a, int b, int beside, int neighbour, int cell) {
        for (int column : table.relationsOf(beside)) {
            if (column == a || !isPart(table, column, beside)) {
                continue;
            }
            for (int i = 1; i < table.relations()[column].length; i++) {
                int corner = table.relations()[column][i];
                if (corner == beside || corner == cell || corner == neighbour) {
                    continue;
                }
                for (int row : table.relationsOf(neighbour)) {
                    if (row != b && isPart(table, row, neighbour) && isPart(table, row, corner)
                            && balances(table, new int[] { cell, beside, neighbour, corner })) {
                        return corner;
                    }
                }
            }
        }
        return -1;
    }

    /** Whether raising the first and last corner and lowering the other two keeps every relation they are in. */
    private static boolean balances(LinkedTable table, int[] corners) {
        int[] signs = { 1, -1, -1, 1 };
        for (int corner : corners) {
            for (int r : table.relationsOf(corner)) {
                int[] cells = table.relations()[r];
                int balance = 0;
                for (int i = 0; i < cells.length; i++) {
                    for (int k = 0; k < corners.length; k++) {
                        if (cells[i] == corners[k]) {
                            balance += i == 0 ? signs[k] : -signs[k];
                        }
                    }
                }
                if (balance != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isPart(LinkedTable table, int relation, int cell) {
        int[] cells = table.relations()[relation];
        for (int i = 1; i < cells.length; i++) {
            if (cells[i] == cell) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell may move by the step in this direction: never one shown for good; down only with room. */
    private static boolean canMove(LinkedTable table, int cell, int direction, long step) {
        if (table.wasShown(cell) || table.value(cell) == 0 && !table.isHidden(cell)) {
            return false;
        }
        if (direction > 0 || table.isSigned(cell)) {
            return true;
        }
        long lowest = table.isHidden(cell) ? 0 : 1;
        return Math.abs(table.value(cell)) - lowest >= step;
    }

    private static long cost(LinkedTable table, BitSet withheld, int[] corners) {
        long cost = 0;
        for (int corner : corners) {
            cost += withheld.get(corner) || table.isHidden(corner) ? 0 : Math.abs(table.value(corner));
        }
        return cost;
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
                boolean enough = value - 1 >= step || table.isSigned(candidate);
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
