package org.diasporadesk.registry.household.domain;

import java.time.LocalDate;

/**
 * How far the record can be trusted: whether someone has confirmed it with the migrant or the family, and when
 * the migrant was last actually reached. Families' reports age; planners and callers need to know how much.
 */
public record Verification(Status status, LocalDate lastConfirmedContact) {

    public enum Status {
        /** As reported by the family; nobody has reached the migrant yet. */
        UNVERIFIED,
        /** Confirmed with the migrant or through a confirmed contact. */
        VERIFIED
    }

    public static final Verification NONE = new Verification(Status.UNVERIFIED, null);
}
