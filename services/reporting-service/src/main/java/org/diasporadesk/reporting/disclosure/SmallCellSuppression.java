package org.diasporadesk.reporting.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Disclosure control for a total and its parts (an area and the units directly below it).
 *
 * <p>Primary suppression: a count from 1 to k-1 is withheld; zero is shown. Secondary suppression: a single
 * withheld part could be worked out as the total minus the shown parts, so when exactly one part is withheld
 * the smallest other non-zero part is withheld too; when there is no such part, the total is withheld
 * instead. With two or more withheld parts, only their sum can be derived, and each of them may be anything
 * from 1 upwards. Applied to every measure separately, on every output. Differences (late adjustments to a
 * signed-off period) are protected by their size: -3 is withheld like 3.
 */
public final class SmallCellSuppression {

    private final int minimumCount;

    public SmallCellSuppression(int minimumCount) {
        if (minimumCount < 1) {
            throw new IllegalArgumentException("the minimum publishable count is at least 1, was " + minimumCount);
        }
        this.minimumCount = minimumCount;
    }

    /** k: the smallest count that may be published. */
    public int minimumCount() {
        return minimumCount;
    }

    /** The published total and parts, in the order of {@code parts}. */
    public record Protected(Cell total, List<Cell> parts) {
    }

    public Protected protect(long total, List<Long> parts) {
        boolean totalWithheld = isSmall(total);
        boolean[] withheld = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            withheld[i] = isSmall(parts.get(i));
        }
        long withheldParts = IntStream.range(0, withheld.length).filter(i -> withheld[i]).count();
        if (!totalWithheld && withheldParts == 1) {
            IntStream.range(0, parts.size())
                .filter(i -> !withheld[i] && parts.get(i) != 0)
                .boxed()
                .min(Comparator.comparing(i -> Math.abs(parts.get(i))))
                .ifPresentOrElse(i -> withheld[i] = true, () -> { });
            if (IntStream.range(0, withheld.length).filter(i -> withheld[i]).count() == 1) {
                totalWithheld = true;
            }
        }
        List<Cell> cells = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            cells.add(withheld[i] ? Cell.withheld() : Cell.shown(parts.get(i)));
        }
        return new Protected(totalWithheld ? Cell.withheld() : Cell.shown(total), cells);
    }

    /** A count that stands alone, with no parts published beside it. */
    public Cell protect(long count) {
        return isSmall(count) ? Cell.withheld() : Cell.shown(count);
    }

    /** A breakdown's counts per value, protected together with their total, in the order of the values. */
    public Map<String, Cell> protect(long total, Map<String, Long> counts) {
        List<String> values = List.copyOf(new TreeMap<>(counts).keySet());
        Protected cells = protect(total, values.stream().map(counts::get).toList());
        Map<String, Cell> published = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            published.put(values.get(i), cells.parts().get(i));
        }
        return published;
    }

    /** A difference (a late adjustment) of -1 points to a person as much as a count of 1 does. */
    private boolean isSmall(long count) {
        return count != 0 && Math.abs(count) < minimumCount;
    }
}
