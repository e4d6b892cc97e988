package org.diasporadesk.registry.household.domain;

import java.time.Instant;

/**
 * A record of this household that an officer merged into another record of the same person. Kept so that
 * re-importing an old file does not bring the duplicate back.
 */
public record MergedMigrant(String migrantId, String survivingHouseholdId, String survivingMigrantId,
        Instant mergedAt) {
}
