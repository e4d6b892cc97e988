package org.diasporadesk.reporting.migrants.application;

import java.time.LocalDate;
import java.util.List;

import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;

/**
 * What reporting holds of one household: its latest statistical snapshot and that snapshot's sequence. The
 * household id is the registry's random aggregate id, which identifies nobody outside the registry.
 */
public record HouseholdProfile(String householdId, long sequence, String municipalityCode, LocalDate recordedOn,
        List<MigrantProfile> migrants) {

    public HouseholdProfile {
        migrants = List.copyOf(migrants);
    }
}
