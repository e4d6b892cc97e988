package org.diasporadesk.reporting.disclosure;

/**
 * One published count. A suppressed cell carries no value: the count is from 1 to k-1, or could be worked
 * out from the cells around it.
 */
public record Cell(Long value, boolean suppressed) {

    public static Cell shown(long value) {
        return new Cell(value, false);
    }

    public static Cell withheld() {
        return new Cell(null, true);
    }
}
