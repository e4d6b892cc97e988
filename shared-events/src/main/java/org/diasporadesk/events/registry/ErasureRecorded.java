package org.diasporadesk.events.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * The erasure ledger's entry: a migrant or a family member at home was erased at their request. Published on
 * {@link org.diasporadesk.events.Topic#REGISTRY_ERASURES}, which keeps every entry for good, beside the
 * {@link MigrantErased} that the services act on at once. A service whose database was restored from a backup taken
 * before an erasure reads the whole ledger when it starts and erases again whoever came back with the backup.
 * Identifiers only, so the ledger holds nobody's personal data.
 *
 * @param migrantId  the erased person's id: a migrant's, or a family member's when {@code personKind} says so
 * @param personKind null in entries written before family members were people: a migrant
 */
public record ErasureRecorded(String householdId, String migrantId, String municipalityCode, boolean householdErased,
        Instant erasedAt, PersonKind personKind) implements RegistryEvent {

    public ErasureRecorded {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(migrantId, "migrantId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }

    /** A migrant's erasure, as the first version of the contract had it. */
    public ErasureRecorded(String householdId, String migrantId, String municipalityCode, boolean householdErased,
            Instant erasedAt) {
        this(householdId, migrantId, municipalityCode, householdErased, erasedAt, null);
    }
}
