package org.diasporadesk.reporting.migrants.application;

import java.util.Collection;
import java.util.Map;

/**
 * Reporting's projection of household snapshots: the latest one of each household, which is what the counters
 * include for it and what the next snapshot's difference is taken from.
 */
public interface HouseholdProfiles {

    /** The profiles held of these households, by household id. */
    Map<String, HouseholdProfile> findAll(Collection<String> householdIds);

    /**
     * Stores the {@code next} profiles in place of the {@code held} ones in one round trip, each as a
     * compare-and-set on the held sequence (a household held nothing of: inserted).
     *
     * @param held what {@link #findAll} returned
     * @throws IllegalStateException if a profile changed since it was read (another consumer wrote it)
     */
    void replaceAll(Map<String, HouseholdProfile> held, Collection<HouseholdProfile> next);
}
