package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.Objects;

import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.registry.PersonKind;

/**
 * A migrant or a family member at home asked to receive no more outreach messages. Outreach stops at once; the
 * registry, which keeps consent, withdraws that person's consent to outreach (nobody else's) so that every service
 * agrees. Personal data (ids of a person):
 * published on {@link org.diasporadesk.events.Topic#OUTREACH_PEOPLE}; key and subject: the household id.
 *
 * @param migrantId  the person's id: a migrant's, or a family member's when {@code personKind} says so
 * @param how        how the person said so ("replied STOP by SMS", "asked on the phone")
 * @param personKind null in events written before family members were people: a migrant
 */
public record RecipientOptedOut(String householdId, String migrantId, String municipalityCode, String how,
        Instant optedOutAt, PersonKind personKind) implements EventPayload {

    public RecipientOptedOut {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(migrantId, "migrantId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(optedOutAt, "optedOutAt");
    }

    /** A migrant's opt-out, as the first version of the contract had it. */
    public RecipientOptedOut(String householdId, String migrantId, String municipalityCode, String how,
            Instant optedOutAt) {
        this(householdId, migrantId, municipalityCode, how, optedOutAt, null);
    }
}
