package org.diasporadesk.reporting.migrants.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reporting's projection of household snapshots, and the counts that figures are made of. */
public interface HouseholdProfiles {

    /**
     * Stores the profile if it is newer than the one held for the household.
     *
     * @return false if an equal or newer snapshot was already held (a redelivery or an overtaken event)
     */
    boolean storeIfNewer(HouseholdProfile profile);

    /** Per municipality code: migrants and households, counting only migrants who consented to statistics. */
    Map<String, Counts> countsByMunicipality();

    /** What migrants can be broken down by. */
    enum Dimension {
        DESTINATION_COUNTRY, SEX, AGE_BAND, LIFECYCLE_STAGE
    }

    /**
     * Migrants (with consent to statistics) of households in these municipalities, per value of one dimension;
     * {@code UNKNOWN} where the value is not known.
     */
    Map<String, Long> migrantsBy(Dimension dimension, Collection<String> municipalityCodes);

    /**
     * Households, and their migrants with consent to statistics, per day they were recorded on and municipality,
     * for days from {@code from} up to but not including {@code until}.
     */
    List<Recorded> recordedBetween(LocalDate from, LocalDate until);

    record Recorded(LocalDate day, String municipalityCode, Counts counts) {
    }

    record Counts(long migrants, long households) {

        public static final Counts ZERO = new Counts(0, 0);

        public Counts plus(Counts other) {
            return new Counts(migrants + other.migrants, households + other.households);
        }
    }
}
