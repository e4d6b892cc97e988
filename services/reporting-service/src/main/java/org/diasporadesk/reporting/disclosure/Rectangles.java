package org.diasporadesk.reporting.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Witnesses found without a search: rectangles of cells, as the hypercube method of tau-Argus builds them. Four cells
 * two of which go up and two down, so that every sum they are in stays: a cell, another category of its unit, the same
 * category in a neighbouring unit, and the other category there; or the same through the territory's tree, where the
 * units on the way move alike. A rectangle's cost is the counts of its cells not withheld yet: at cost zero the cell
 * is protected, otherwise those are the cells to withhold for it.
 */
final class Rectangles {

    private final LinkedTable table;
    private final BitSet withheld;

    Rectangles(LinkedTable table, BitSet withheld) {
        this.table = table;
        this.withheld = withheld;
    }

    /** The cheapest rectangle moving the cell in this direction by the step (its other cells), or null. */
    int[] cheapest(int cell, int direction, long step) {
        int[] plain = rectangle(cell, direction, step);
        if (plain != null && cost(plain) == 0) {
            return plain;
        }
        int[] through = cheaper(plain, treeRectangle(cell, direction, step));
        return through != null && cost(through) == 0 ? through : cheaper(through, fan(cell, direction, step));
    }

    /**
     * A rectangle whose far side is split over several neighbours: a lowest-level unit's cell (u, d) goes up by the
     * step and its (u, d') down, and neighbours under the same parent each lower their (s, d) by what they have room
     * for and raise their (s, d') as much, until the step is made up. Their parent's sums stay. It protects a small
     * count of a category that each neighbour has only a few of, without withholding the parent's cells.
     */
    private int[] fan(int cell, int direction, long step) {
        String[] place = table.place(cell);
        if (direction < 0 || place == null || place[1].indexOf('=') < 0 || !table.childrenOf(place[0]).isEmpty()
                || table.parentOf(place[0]) == null || !canMove(cell, direction, step)) {
            return null;
        }
        String unit = place[0];
        String category = place[1];
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int beside : besides(cell, unit, category)) {
            if (!canMove(beside, -direction, step)) {
                continue;
            }
            int[] witness = fanOut(cell, beside, unit, category, table.place(beside)[1], direction, step);
            if (witness != null && cost(witness) < bestCost) {
                best = witness;
                bestCost = cost(witness);
            }
        }
        return best;
    }

    /** The cells of the unit's other categories in the cell's breakdown: the (u, d') a rectangle pairs with (u, d). */
    private Set<Integer> besides(int cell, String unit, String category) {
        String dimension = category.substring(0, category.indexOf('=') + 1);
        Set<Integer> besides = new LinkedHashSet<>();
        for (int relation : table.relationsOf(cell)) {
            int[] cells = table.relations()[relation];
            String[] total = table.place(cells[0]);
            if (total == null || !total[0].equals(unit)) {
                continue;
            }
            for (int i = 1; i < cells.length; i++) {
                String[] other = table.place(cells[i]);
                if (other != null && other[0].equals(unit) && !other[1].equals(category)
                        && other[1].startsWith(dimension)) {
                    besides.add(cells[i]);
                }
            }
        }
        return besides;
    }

    private int[] fanOut(int cell, int beside, String unit, String category, String other, int direction, long step) {
        List<int[]> neighbours = new ArrayList<>();
        for (String sibling : table.childrenOf(table.parentOf(unit))) {
            Integer back = table.cellAt(sibling, category);
            Integer along = table.cellAt(sibling, other);
            if (!sibling.equals(unit) && back != null && along != null && canMove(back, -direction, 1)
                    && canMove(along, direction, 1)) {
                neighbours.add(new int[] { back, along, (int) Math.min(step, table.roomBelow(back)) });
            }
        }
        neighbours.sort((one, two) -> Long.compare(cost(new int[] { one[0], one[1] }) * two[2],
                cost(new int[] { two[0], two[1] }) * one[2]));
        List<Integer> moved = new ArrayList<>(List.of(cell, beside));
        List<Integer> shifts = new ArrayList<>(List.of((int) (direction * step), (int) (-direction * step)));
        long left = step;
        for (int[] neighbour : neighbours) {
            if (left == 0) {
                break;
            }
            int by = (int) Math.min(left, neighbour[2]);
            moved.add(neighbour[0]);
            shifts.add(-direction * by);
            moved.add(neighbour[1]);
            shifts.add(direction * by);
            left -= by;
        }
        if (left > 0 || !holds(moved.stream().mapToInt(Integer::intValue).toArray(),
                shifts.stream().mapToInt(Integer::intValue).toArray())) {
            return null;
        }
        return moved.stream().mapToInt(Integer::intValue).filter(moving -> moving != cell).toArray();
    }

    /**
     * The cheapest plain rectangle: the cell and another part of one of its relations (its unit's breakdown, say), a
     * part of another of its relations (the same category in a neighbouring unit), and the cell that shares a relation
     * with each of those two. Corners moved down must have room for the step. Null when the cell has none (a total, or
     * a unit without neighbours).
     */
    private int[] rectangle(int cell, int direction, long step) {
        if (!canMove(cell, direction, step)) {
            return null;
        }
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        int[] relations = table.relationsOf(cell);
        for (int a : relations) {
            for (int b : relations) {
                if (a == b || !isPart(a, cell) || !isPart(b, cell)) {
                    continue;
                }
                for (int row = 1; row < table.relations()[a].length; row++) {
                    int beside = table.relations()[a][row];
                    if (beside == cell || !canMove(beside, -direction, step)) {
                        continue;
                    }
                    for (int column = 1; column < table.relations()[b].length; column++) {
                        int neighbour = table.relations()[b][column];
                        if (neighbour == cell || !canMove(neighbour, -direction, step)) {
                            continue;
                        }
                        int corner = corner(a, b, beside, neighbour, cell);
                        if (corner < 0 || !canMove(corner, direction, step)) {
                            continue;
                        }
                        int[] corners = { beside, neighbour, corner };
                        long cost = cost(corners);
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

    /** The cheaper of two rectangles, either of which may be null. */
    int[] cheaper(int[] one, int[] other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return cost(other) < cost(one) ? other : one;
    }

    /**
     * The rectangle of a territory table's breakdown cell through the tree: the cell's unit u and category d, another
     * category d' of the same breakdown, an ancestor a of u (u itself, its parent, and so on) and a sibling of a (none
     * for the top of the tree). Raising (u, d) and lowering (u, d') keeps u's breakdown; down a path of units below u
     * to the lowest level and up from u to a, each unit does the same (each unit above holds the sum of those below
     * it), and the sibling's path down does the opposite, so the sums above a stay. The cheapest over every d', a and
     * sibling. Null for cells that are not a breakdown's, or when no such paths have room.
     */
    private int[] treeRectangle(int cell, int direction, long step) {
        String[] place = table.place(cell);
        if (place == null || place[1].indexOf('=') < 0 || !canMove(cell, direction, step)) {
            return null;
        }
        String unit = place[0];
        String category = place[1];
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int beside : besides(cell, unit, category)) {
            String other = table.place(beside)[1];
            List<Integer> side = new ArrayList<>();
            if (!path(unit, category, other, direction, step, side)) {
                continue;
            }
            for (String top = unit; top != null; top = table.parentOf(top)) {
                if (!top.equals(unit) && !move(top, category, other, direction, step, side)) {
                    break;
                }
                String above = table.parentOf(top);
                if (above == null) {
                    best = cheaperWitness(cell, side, best, bestCost);
                    bestCost = best == null ? bestCost : cost(best);
                    continue;
                }
                for (String sibling : table.childrenOf(above)) {
                    List<Integer> both = new ArrayList<>(side);
                    if (!sibling.equals(top) && path(sibling, category, other, -direction, step, both)) {
                        best = cheaperWitness(cell, both, best, bestCost);
                        bestCost = best == null ? bestCost : cost(best);
                    }
                }
            }
        }
        return best;
    }

    /** The witness without the cell itself, if every relation of its cells holds and it costs less than the best. */
    private int[] cheaperWitness(int cell, List<Integer> signedCells, int[] best, long bestCost) {
        int[] corners = signedCells.stream().mapToInt(Math::abs).map(encoded -> encoded - 1)
            .filter(corner -> corner != cell).toArray();
        long cost = cost(corners);
        if (cost >= bestCost) {
            return best;
        }
        int[] shift = new int[signedCells.size()];
        int[] moved = new int[signedCells.size()];
        for (int i = 0; i < signedCells.size(); i++) {
            moved[i] = Math.abs(signedCells.get(i)) - 1;
            shift[i] = signedCells.get(i) > 0 ? 1 : -1;
        }
        return holds(moved, shift) ? corners : best;
    }

    /**
     * Adds the moves of one unit: its {@code raised} category one way, its {@code lowered} one the other, and the
     * group a grouped category is published in ({@link TerritoryTable#groupRareAtLowestLevel}) with it, unless both
     * are in the same group.
     */
    private boolean move(String unit, String raised, String lowered, int direction, long step,
            List<Integer> cells) {
        Integer up = table.cellAt(unit, raised);
        Integer down = table.cellAt(unit, lowered);
        if (up == null || down == null || !canMove(up, direction, step) || !canMove(down, -direction, step)) {
            return false;
        }
        int upGroup = group(up);
        int downGroup = group(down);
        boolean grouped = upGroup != downGroup;
        if (grouped && (upGroup >= 0 && !canMove(upGroup, direction, step)
                || downGroup >= 0 && !canMove(downGroup, -direction, step))) {
            return false;
        }
        cells.add(direction * (up + 1));
        cells.add(-direction * (down + 1));
        if (grouped && upGroup >= 0) {
            cells.add(direction * (upGroup + 1));
        }
        if (grouped && downGroup >= 0) {
            cells.add(-direction * (downGroup + 1));
        }
        return true;
    }

    /**
     * The cell a grouped category is published within: the total of a relation in the same unit whose category is of
     * the same breakdown ({@code DESTINATION_COUNTRY=OTHER} for {@code DESTINATION_COUNTRY=NG}); -1 for none.
     */
    private int group(int cell) {
        String[] place = table.place(cell);
        if (!table.isGrouped(cell) || place == null || place[1].indexOf('=') < 0) {
            return -1;
        }
        String dimension = place[1].substring(0, place[1].indexOf('=') + 1);
        for (int relation : table.relationsOf(cell)) {
            int total = table.relations()[relation][0];
            String[] group = table.place(total);
            if (total != cell && group != null && group[0].equals(place[0]) && group[1].startsWith(dimension)) {
                return total;
            }
        }
        return -1;
    }

    /**
     * Adds to {@code cells} (as index + 1, negative when lowered) the moves down from {@code unit}: its {@code raised}
     * category one way, its {@code lowered} one the other, and the same in the cheapest unit below, down to the
     * lowest level.
     */
    private boolean path(String unit, String raised, String lowered, int direction, long step,
            List<Integer> cells) {
        if (!move(unit, raised, lowered, direction, step, cells)) {
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
            if (path(child, raised, lowered, direction, step, below)) {
                long cost = cost(below.stream().mapToInt(encoded -> Math.abs(encoded) - 1).toArray());
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

    /** Whether moving these cells by these shifts keeps every relation any of them is in. */
    private boolean holds(int[] moved, int[] shift) {
        Map<Integer, Integer> by = new HashMap<>();
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

    /**
     * The part that shares a relation other than {@code a} with {@code beside} and one other than {@code b} with
     * {@code neighbour}, and whose moves balance: the rectangle's fourth corner.
     */
    private int corner(int a, int b, int beside, int neighbour, int cell) {
        for (int column : table.relationsOf(beside)) {
            if (column == a || !isPart(column, beside)) {
                continue;
            }
            for (int i = 1; i < table.relations()[column].length; i++) {
                int corner = table.relations()[column][i];
                if (corner == beside || corner == cell || corner == neighbour) {
                    continue;
                }
                for (int row : table.relationsOf(neighbour)) {
                    if (row != b && isPart(row, neighbour) && isPart(row, corner)
                            && holds(new int[] { cell, beside, neighbour, corner }, new int[] { 1, -1, -1, 1 })) {
                        return corner;
                    }
                }
            }
        }
        return -1;
    }

    private boolean isPart(int relation, int cell) {
        int[] cells = table.relations()[relation];
        for (int i = 1; i < cells.length; i++) {
            if (cells[i] == cell) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell may move by the step in this direction: never one shown for good; down only with room. */
    private boolean canMove(int cell, int direction, long step) {
        if (table.wasShown(cell) || table.value(cell) == 0 && !table.isHidden(cell)) {
            return false;
        }
        return direction > 0 || table.roomBelow(cell) >= step;
    }

    /** The counts of the cells not withheld yet: what withholding them for the rectangle costs planners. */
    long cost(int[] corners) {
        long cost = 0;
        for (int corner : corners) {
            cost += withheld.get(corner) || table.isHidden(corner) ? 0 : Math.abs(table.value(corner));
        }
        return cost;
    }
}
