package org.diasporadesk.events.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A migrant's personal data was erased from the registry at their request (right to be forgotten). Every
 * service that holds anything about the migrant deletes it; when {@code householdErased} is true the
 * household had no other migrant and its informants were erased too, so everything held for the household
 * goes as well. Remaining household members follow in a {@link HouseholdUpdated} snapshot of the same write.
 *
 * <p>Carries identifiers only. Published on {@link org.diasporadesk.events.Topic#REGISTRY_PEOPLE} because the
 * services that must act on it read that topic; statistics keep their anonymous counts and need no event.
 */
public record MigrantErased(String householdId, String migrantId, String municipalityCode, boolean householdErased,
        Instant erasedAt) implements PeopleEvent {

    public MigrantErased {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(migrantId, "migrantId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
