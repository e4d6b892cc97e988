package org.diasporadesk.events.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * Two records of the registry were found to be the same person, and an officer merged them: the record
 * {@code migrantId} of household {@code householdId} (the subject) no longer exists, and {@code
 * survivingMigrantId} of {@code survivingHouseholdId} is the person from now on. Services re-attach what they
 * hold about the merged record to the surviving one and drop the merged record; when {@code householdEmptied}
 * the merged record was its household's last migrant, so the household goes too (its informants were moved
 * to the surviving household, which follows in a {@link HouseholdUpdated} snapshot).
 *
 * <p>Identifiers only. Published on {@link org.diasporadesk.events.Topic#REGISTRY_PEOPLE}.
 */
public record MigrantsMerged(String householdId, String migrantId, String survivingHouseholdId,
        String survivingMigrantId, String municipalityCode, boolean householdEmptied, Instant mergedAt)
        implements PeopleEvent {

    public MigrantsMerged {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(migrantId, "migrantId");
        Objects.requireNonNull(survivingHouseholdId, "survivingHouseholdId");
        Objects.requireNonNull(survivingMigrantId, "survivingMigrantId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(mergedAt, "mergedAt");
    }
}
