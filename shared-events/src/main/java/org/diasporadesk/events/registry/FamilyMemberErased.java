package org.diasporadesk.events.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A family member's personal data was erased from the registry at their request. Every service that holds anything
 * about them (their number among the hotline's callers and tickets, outreach's recipient, messages and rosters)
 * deletes it; the household's migrants and other family members stay and follow in a {@link HouseholdUpdated}
 * snapshot of the same write.
 *
 * <p>Carries identifiers only. Published on {@link org.diasporadesk.events.Topic#REGISTRY_PEOPLE}.
 */
public record FamilyMemberErased(String householdId, String familyMemberId, String municipalityCode,
        Instant erasedAt) implements PeopleEvent {

    public FamilyMemberErased {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(familyMemberId, "familyMemberId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
