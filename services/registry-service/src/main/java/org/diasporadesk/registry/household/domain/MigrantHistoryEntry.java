package org.diasporadesk.registry.household.domain;

import java.time.Instant;
import java.util.List;

/**
 * One change of a migrant's record after registration: who changed what, when, and from which value to
 * which. Kept in the household with the state it describes, written in the same atomic write, and erased
 * with the migrant (the old values are personal data too).
 *
 * @param note why, or from whom the change came ("the migrant on the hotline", "the mother, by phone")
 */
public record MigrantHistoryEntry(String migrantId, Instant at, String changedBy, Kind kind,
        List<FieldChange> changes, String note) {

    public enum Kind {
        /** Details corrected or brought up to date by an officer. */
        DETAILS,
        /** Consent given or withdrawn for one purpose. */
        CONSENT,
        /** Another record of the same person was merged into this one. */
        MERGED
    }

    /** A field's value before and after; values as text, null when there was none. */
    public record FieldChange(String field, String from, String to) {
    }

    public MigrantHistoryEntry {
        changes = List.copyOf(changes);
    }
}
