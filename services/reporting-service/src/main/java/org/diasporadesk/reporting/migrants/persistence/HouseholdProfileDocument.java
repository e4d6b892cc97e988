package org.diasporadesk.reporting.migrants.persistence;

import java.time.LocalDate;
import java.util.List;

import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(HouseholdProfileDocument.COLLECTION)
record HouseholdProfileDocument(@Id String householdId, long sequence, String municipalityCode, LocalDate recordedOn,
        List<MigrantProfile> migrants) {

    static final String COLLECTION = "household_profiles";
}
