package org.diasporadesk.reporting.disclosure;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.ArrayList;

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
            int[] rectangle = cheapest(table, withheld, rectangle(table, withheld, cell, away, step),
                    treeRectangle(table, withheld, cell, away, step));
            if (!small && (rectangle == null || cost(table, withheld, rectangle) > 0)) {
                rectangle = cheapest(table, withheld, rectangle, cheapest(table, withheld,
                        rectangle(table, withheld, cell, -away, step), treeRectangle(table, withheld, cell, -away, step)));
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

    private static int[] cheapest(LinkedTable table, BitSet withheld, int[] one, int[] other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return cost(table, withheld, other) < cost(table, withheld, one) ? other : one;
    }

    /**
     * The rectangle of a territory table's breakdown cell through the tree: the cell's unit u and category d, another
     * category d' of the same breakdown, an ancestor a of u (u itself, its parent, and so on) and a sibling of a (none
     * for the top of the tree). Raising (u, d) and lowering (u, d') keeps u's breakdown; down a path of units below u
     * to the lowest level and up from u to a, each unit does the same (each unit above holds the sum of those below
     * it), and the sibling's path down does the opposite, so the sums above a stay. The cheapest over every d', a and
     * sibling. Null for cells that are not a breakdown's, or when no such paths have room.
     */
    private static int[] treeRectangle(LinkedTable table, BitSet withheld, int cell, int direction, long step) {
        String[] place = table.place(cell);
        if (place == null || place[1].indexOf('=') < 0 || !canMove(table, cell, direction, step)) {
            return null;
        }
        String unit = place[0];
        String category = place[1];
        String dimension = category.substring(0, category.indexOf('=') + 1);
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int relation : table.relationsOf(cell)) {
            int[] cells = table.relations()[relation];
            String[] total = table.place(cells[0]);
            if (total == null || !total[0].equals(unit)) {
                continue;
            }
            for (int i = 1; i < cells.length; i++) {
                String[] other = table.place(cells[i]);
                if (other == null || !other[0].equals(unit) || other[1].equals(category)
                        || !other[1].startsWith(dimension)) {
                    continue;
                }
                List<Integer> side = new ArrayList<>();
                if (!path(table, withheld, unit, category, other[1], direction, step, side)) {
                    continue;
                }
                for (String top = unit; top != null && side != null; top = table.parentOf(top)) {
                    if (!top.equals(unit) && !move(table, top, category, other[1], direction, step, side)) {
                        side = null;
                        continue;
                    }
                    String above = table.parentOf(top);
                    List<String> siblings = above == null ? List.of() : table.childrenOf(above);
                    if (above == null) {
                        best = cheaperWitness(table, withheld, cell, side, best, bestCost);
                        bestCost = best == null ? bestCost : cost(table, withheld, best);
                    }
                    for (String sibling : siblings) {
                        List<Integer> both = new ArrayList<>(side);
                        if (!sibling.equals(top)
                                && path(table, withheld, sibling, category, other[1], -direction, step, both)) {
                            best = cheaperWitness(table, withheld, cell, both, best, bestCost);
                            bestCost = best == null ? bestCost : cost(table, withheld, best);
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The witness without the cell itself, if every relation of its cells holds and it costs less than the best. */
    private static int[] cheaperWitness(LinkedTable table, BitSet withheld, int cell, List<Integer> signedCells,
            int[] best, long bestCost) {
        int[] corners = signedCells.stream().mapToInt(Math::abs).map(encoded -> encoded - 1)
            .filter(corner -> corner != cell).toArray();
        long cost = cost(table, withheld, corners);
        if (cost >= bestCost) {
            return best;
        }
        int[] shift = new int[signedCells.size()];
        int[] moved = new int[signedCells.size()];
        for (int i = 0; i < signedCells.size(); i++) {
            moved[i] = Math.abs(signedCells.get(i)) - 1;
            shift[i] = signedCells.get(i) > 0 ? 1 : -1;
        }
        return holds(table, moved, shift) ? corners : best;
    }

    /** Adds the moves of one unit: its {@code raised} category one way, its {@code lowered} one the other. */
    private static boolean move(LinkedTable table, String unit, String raised, String lowered, int direction,
            long step, List<Integer> cells) {
        Integer up = table.cellAt(unit, raised);
        Integer down = table.cellAt(unit, lowered);
        if (up == null || down == null || !canMove(table, up, direction, step)
                || !canMove(table, down, -direction, step)) {
            return false;
        }
        cells.add(direction * (up + 1));
        cells.add(-direction * (down + 1));
        return true;
    }

    /**
     * Adds to {@code cells} (as index + 1, negative when lowered) the moves down from {@code unit}: its {@code raised}
     * category one way, its {@code lowered} one the other, and the same in the cheapest unit below, down to the
     * lowest level.
     */
    private static boolean path(LinkedTable table, BitSet withheld, String unit, String raised, String lowered,
            int direction, long step, List<Integer> cells) {
        if (!move(table, unit, raised, lowered, direction, step, cells)) {
            return false;
        }
        List<String> children = table.childrenOf(unit);
        if (children.isEmpty()) {
            return true;
        }
        List<Integer> best = null;
        long bestCost = Long.MAX_VALUE;
        for (String child : children) {
            List<Integer> below = new ArrayList<>();
            if (path(table, withheld, child, raised, lowered, direction, step, below)) {
                long cost = cost(table, withheld, below.stream().mapToInt(encoded -> Math.abs(encoded) - 1).toArray());
                if (cost < bestCost) {
                    best = below;
                    bestCost = cost;
                }
            }
        }
        if (best == null) {
            return false;
        }
        cells.addAll(best);
        return true;
    }

    /** Whether these moves keep every relation any of the moved cells is in. */
    private static boolean holds(LinkedTable table, int[] moved, int[] shift) {
        java.util.Map<Integer, Integer> by = new java.util.HashMap<>();
        for (int i = 0; i < moved.length; i++) {
            by.merge(moved[i], shift[i], Integer::sum);
        }
        for (int cell : moved) {
            for (int r : table.relationsOf(cell)) {
                int[] cells = table.relations()[r];
                int balance = by.getOrDefault(cells[0], 0);
                for (int i = 1; i < cells.length; i++) {
                    balance -= by.getOrDefault(cells[i], 0);
                }
                if (balance != 0) {
                    return false;
                }
            }
        }
        return true;
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
