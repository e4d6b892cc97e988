package org.diasporadesk.reporting.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Looks for a proof that a withheld cell is protected: another table, different from the true one, that a reader
 * cannot tell from it. It keeps every shown count and every relation, and moves only withheld and hidden counts:
 * the cell goes up by some step, others go up or down by multiples of it so that every sum still holds. A withheld
 * count stays at 1 or more (zeros are shown, so a reader knows it is not zero), a hidden one at 0 or more, a signed
 * one (a difference) anywhere.
 *
 * <p>If such a table exists with the cell raised to k or beyond, a reader cannot tell the cell from one of k or
 * more, whatever relations they combine and however they solve them: this is a witness, not a heuristic bound. The
 * search is a depth-first walk over the relations that the moves unbalance, trying the largest counts first, with a
 * step budget; not finding a witness within it only costs one more withheld cell, never a disclosure.
 */
final class AlternativeTable {

    private static final int STEP_BUDGET = 500;

    private final LinkedTable table;
    private final BitSet variable;
    private final int[] shift;
    private final List<Integer> moved = new ArrayList<>();
    private final BitSet deadEnds = new BitSet();
    private long needed;
    private int steps;

    /** @param variable the cells a reader does not see: withheld and hidden ones */
    AlternativeTable(LinkedTable table, BitSet variable) {
        this.table = table;
        this.variable = variable;
        this.shift = new int[table.size()];
    }

    /**
     * Whether the cell can be raised ({@code direction} 1) or lowered (-1) by {@code step} or more in a table that
     * every published figure allows. After a failure, {@link #deadEnds()} holds the relations that no move could
     * balance.
     */
    boolean canMove(int cell, int direction, long step) {
        needed = step;
        steps = 0;
        deadEnds.clear();
        moved.clear();
        java.util.Arrays.fill(shift, 0);
        if (!roomFor(cell, direction)) {
            return false;
        }
        move(cell, direction);
        return search();
    }

    /** Relations met during the last failed search that had no cell left to move: where more must be withheld. */
    BitSet deadEnds() {
        return deadEnds;
    }

    private boolean search() {
        if (++steps > STEP_BUDGET) {
            return false;
        }
        int relation = -1;
        List<Integer> candidates = null;
        for (int cell : moved) {
            for (int r : table.relationsOf(cell)) {
                if (imbalance(r) == 0) {
                    continue;
                }
                List<Integer> options = candidates(r);
                if (options.isEmpty()) {
                    deadEnds.set(r);
                    return false;
                }
                if (candidates == null || options.size() < candidates.size()) {
                    relation = r;
                    candidates = options;
                }
            }
        }
        if (candidates == null) {
            return true;
        }
        int[] cells = table.relations()[relation];
        int imbalance = imbalance(relation);
        for (int candidate : candidates) {
            int by = candidate == cells[0] ? -imbalance : imbalance;
            if (!roomFor(candidate, by)) {
                continue;
            }
            move(candidate, by);
            if (search()) {
                return true;
            }
            undo();
            if (steps > STEP_BUDGET) {
                return false;
            }
        }
        return false;
    }

    /** The total's move minus the parts' moves: zero when the relation still holds. */
    private int imbalance(int relation) {
        int[] cells = table.relations()[relation];
        int balance = shift[cells[0]];
        for (int i = 1; i < cells.length; i++) {
            balance -= shift[cells[i]];
        }
        return balance;
    }

    /** Unseen cells of the relation not moved yet, the largest first (they can give the most). */
    private List<Integer> candidates(int relation) {
        List<Integer> options = new ArrayList<>();
        for (int cell : table.relations()[relation]) {
            if (variable.get(cell) && shift[cell] == 0) {
                options.add(cell);
            }
        }
        options.sort(Comparator.<Integer>comparingLong(cell -> -Math.abs(table.value(cell)))
            .thenComparingInt(Integer::intValue));
        return options;
    }

    /** A cell moved down must keep its lower bound after {@code needed} steps. */
    private boolean roomFor(int cell, int by) {
        return by > 0 || table.roomBelow(cell) >= needed * (long) -by;
    }

    private void move(int cell, int by) {
        shift[cell] = by;
        moved.add(cell);
    }

    private void undo() {
        int cell = moved.remove(moved.size() - 1);
        shift[cell] = 0;
    }
}
