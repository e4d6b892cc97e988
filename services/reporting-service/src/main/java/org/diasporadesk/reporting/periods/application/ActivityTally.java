package org.diasporadesk.reporting.periods.application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One period's activity in an area and in each unit directly below it.
 *
 * @param below per unit code, in the territory file's order
 */
public record ActivityTally(Activity area, Map<String, Activity> below) {

    public ActivityTally {
        below = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(below));
    }

    /** What changed since {@code earlier}, unit by unit; units that were not there count as none. */
    public ActivityTally minus(ActivityTally earlier) {
        Map<String, Activity> difference = new LinkedHashMap<>();
        below.forEach((unit, now) -> difference.put(unit, now.minus(earlier.below.getOrDefault(unit, Activity.NONE))));
        return new ActivityTally(area.minus(earlier.area), difference);
    }
}
