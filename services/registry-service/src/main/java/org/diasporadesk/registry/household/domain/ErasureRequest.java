package org.diasporadesk.registry.household.domain;

import org.diasporadesk.events.registry.PersonKind;

import java.time.Instant;

/**
 * An officer's request to erase a person (a migrant, or a family member at home) at their request, carried out only once a supervisor of the same office
 * approves it (four eyes): an erasure cannot be undone, and it is the one change a single mistaken or coerced click
 * must not make. Holds ids, staff ids and the grounds given, nothing of the person.
 *
 * @param migrantId  the person's id: a migrant's, or a family member's when {@code personKind} says so
 * @param personKind null in requests made before family members were people: a migrant
 */
public record ErasureRequest(String id, String householdId, String migrantId, String municipalityCode,
        String requestedBy, Instant requestedAt, String grounds, Status status, String decidedBy, Instant decidedAt,
        String refusal, PersonKind personKind) {

    public enum Status {
        PENDING,
        APPROVED,
        REFUSED
    }

    public static ErasureRequest pending(String id, String householdId, String personId, PersonKind personKind,
            String municipalityCode, String requestedBy, String grounds, Instant now) {
        return new ErasureRequest(id, householdId, personId, municipalityCode, requestedBy, now, grounds,
                Status.PENDING, null, null, null, personKind);
    }

    public ErasureRequest approved(String supervisor, Instant now) {
        return new ErasureRequest(id, householdId, migrantId, municipalityCode, requestedBy, requestedAt, grounds,
                Status.APPROVED, supervisor, now, null, personKind);
    }

    public ErasureRequest refused(String supervisor, String reason, Instant now) {
        return new ErasureRequest(id, householdId, migrantId, municipalityCode, requestedBy, requestedAt, grounds,
                Status.REFUSED, supervisor, now, reason, personKind);
    }
}
