package org.diasporadesk.reporting.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one disclosure policy every number leaving reporting-service goes through (JSON, CSV, the live stream and so
 * the dashboard). Three parts, each for a way a reader could single out a person:
 * <ul>
 * <li>every count of a measure, over the whole territory and every breakdown, is one {@link LinkedTable}, so a
 * cell withheld anywhere is withheld everywhere it appears, whichever area is asked for;</li>
 * <li>{@link SuppressionPattern}: counts from 1 to k-1 are withheld, and as many more as it takes for each withheld
 * cell to have a witness table in which it is k or more (a small one) or different (any other), so that no
 * combination of published totals, parts and zeros determines a withheld cell or narrows it below k;</li>
 * <li>{@link KeyedRounding}: every shown count is rounded to a base with a secret offset per cell, so that one
 * registration between two reads moves a figure in one case out of the base, never by exactly one.</li>
 * </ul>
 * Also global recoding ({@link TerritoryTable#groupRareAtLowestLevel}): rare destinations are published by
 * municipality only together, as other countries. And a listed breakdown ({@link ProtectedTable#breakdown}): a unit's zero in a category some unit has is withheld,
 * so that a first registration does not show as a category appearing. The pattern of a table is kept while its
 * counts do not change: the same question gets the same answer.
 */
public final class DisclosurePolicy {

    private static final int TABLES_KEPT = 4_096;

    private final int minimumCount;
    private final KeyedRounding rounding;
    private final long rareBelow;
    /** The tables decided most recently, by name: a period's table for every day asked for, so the oldest go. */
    private final Map<String, ProtectedTable> latest = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProtectedTable> eldest) {
            return size() > TABLES_KEPT;
        }
    });

    /**
     * @param rareBelow a grouped breakdown's category is published in lowest-level units only within its
     *                  {@code OTHER} when they have fewer than this many of it on average (0: never)
     */
    public DisclosurePolicy(int minimumCount, int roundingBase, String key, long rareBelow) {
        if (minimumCount < 1) {
            throw new IllegalArgumentException("the minimum publishable count is at least 1, was " + minimumCount);
        }
        if (rareBelow < 0) {
            throw new IllegalArgumentException("the mean count below which a category is grouped is at least 0, was "
                    + rareBelow);
        }
        this.minimumCount = minimumCount;
        this.rounding = new KeyedRounding(roundingBase, key);
        this.rareBelow = rareBelow;
    }

    /** k: the smallest count that may be published. */
    public int minimumCount() {
        return minimumCount;
    }

    /** The base shown counts are rounded to (1: not rounded). */
    public int roundingBase() {
        return rounding.base();
    }

    /** The mean count per lowest-level unit below which a grouped breakdown's category is grouped there. */
    public long rareBelow() {
        return rareBelow;
    }

    /** A territory table, its grouped breakdowns' rare categories grouped in lowest-level units. */
    public ProtectedTable protect(TerritoryTable table) {
        return protect(table.build(rounding, rareBelow));
    }

    public ProtectedTable protect(LinkedTable table) {
        ProtectedTable held = latest.get(table.name());
        if (held != null && held.pattern().table().sameAs(table)) {
            return held;
        }
        ProtectedTable decided = new ProtectedTable(SuppressionPattern.decide(table, minimumCount), rounding);
        latest.put(table.name(), decided);
        return decided;
    }

    /** A count tied by no relation to any other published figure (a training session's waiting list). */
    public Cell alone(String key, long count) {
        return count != 0 && Math.abs(count) < minimumCount ? Cell.withheld() : Cell.shown(rounding.round(key, count));
    }
}
