package org.diasporadesk.reporting.migrants.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.diasporadesk.reporting.projection.LogSpan;

/**
 * Counts of migrants and households kept up to date as snapshots are applied, so that figures read a few small
 * documents per municipality however many households are held. Only migrants who consented to statistics count.
 */
public interface MigrantCounters {

    /**
     * Adds the changes that the records of the span bring, once: a counter that took in some of the span's records
     * already (a redelivery after a failure half-way, or a poll delivered again with more records) adds only the
     * changes of the records after those.
     */
    void add(CountChanges changes, LogSpan span);

    /** The tally of each of these municipalities that has any. */
    Map<String, MigrantTally> tallies(Collection<String> municipalityCodes);

    /**
     * Households, and their migrants, per day they were recorded on and municipality, for days from {@code from}
     * up to but not including {@code until}; days without any are left out.
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
