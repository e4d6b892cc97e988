package org.diasporadesk.registry.household.domain;

import java.time.Instant;

/**
 * An officer's request to erase a migrant at their request, carried out only once a supervisor of the same office
 * approves it (four eyes): an erasure cannot be undone, and it is the one change a single mistaken or coerced click
 * must not make. Holds ids, staff ids and the grounds given, nothing of the person.
 */
public record ErasureRequest(String id, String householdId, String migrantId, String municipalityCode,
        String requestedBy, Instant requestedAt, String grounds, Status status, String decidedBy, Instant decidedAt,
        String refusal) {

    public enum Status {
        PENDING,
        APPROVED,
        REFUSED
    }

    public static ErasureRequest pending(String id, String householdId, String migrantId, String municipalityCode,
            String requestedBy, String grounds, Instant now) {
        return new ErasureRequest(id, householdId, migrantId, municipalityCode, requestedBy, now, grounds,
                Status.PENDING, null, null, null);
    }

    public ErasureRequest approved(String supervisor, Instant now) {
        return new ErasureRequest(id, householdId, migrantId, municipalityCode, requestedBy, requestedAt, grounds,
                Status.APPROVED, supervisor, now, null);
    }

    public ErasureRequest refused(String supervisor, String reason, Instant now) {
        return new ErasureRequest(id, householdId, migrantId, municipalityCode, requestedBy, requestedAt, grounds,
                Status.REFUSED, supervisor, now, reason);
    }
}
