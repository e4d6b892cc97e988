package org.diasporadesk.reporting.migrants.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reporting's projection of household snapshots: the latest one of each household, which is what the counters
 * include for it and what the next snapshot's difference is taken from.
 */
public interface HouseholdProfiles {

    Optional<HouseholdProfile> find(String householdId);

    /** The profiles held of these households, by household id. */
    Map<String, HouseholdProfile> findAll(Collection<String> householdIds);

    /**
     * Stores {@code next} in place of {@code held}, as one compare-and-set on the held sequence.
     *
     * @param held what {@link #find} returned: null if nothing was held
     * @return false if the household's profile changed since it was read (another consumer wrote it)
     */
    boolean replace(HouseholdProfile held, HouseholdProfile next);

    /**
     * {@link #replace} for many households in one round trip, as a replay does while nothing else writes.
     *
     * @param held what {@link #findAll} returned
     * @throws IllegalStateException if a profile changed since it was read
     */
    void replaceAll(Map<String, HouseholdProfile> held, Collection<HouseholdProfile> next);
}
