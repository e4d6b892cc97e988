package org.diasporadesk.registry.household.domain;

import java.time.Instant;

import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;

/**
 * What the household keeps of a migrant erased at their request: the id, so that re-importing an old file
 * cannot bring the person back, and, if they had consented to statistics, their anonymous profile (sex, age
 * band at erasure, destination country, lifecycle stage), so that the household's figures keep counting them.
 */
public record ErasedMigrant(String migrantId, Instant erasedAt, MigrantProfile anonymousProfile) {
}
