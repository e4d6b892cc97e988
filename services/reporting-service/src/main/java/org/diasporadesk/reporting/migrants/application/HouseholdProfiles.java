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
     * Stores the profile if it is newer than the one held for the household.
     *
     * @return false if an equal or newer snapshot was already held (a redelivery or an overtaken event)
     */
    boolean storeIfNewer(HouseholdProfile profile);

    /** Stores each profile that is newer than the one held for its household, in one round trip. */
    void storeAllIfNewer(Collection<HouseholdProfile> profiles);
}
