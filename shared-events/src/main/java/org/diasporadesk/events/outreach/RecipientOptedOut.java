package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.Objects;

import org.diasporadesk.events.EventPayload;

/**
 * A migrant asked to receive no more outreach messages. Outreach stops at once; the registry, which keeps
 * consent, withdraws the consent to outreach so that every service agrees. Personal data (ids of a person):
 * published on {@link org.diasporadesk.events.Topic#OUTREACH_PEOPLE}; key and subject: the household id.
 *
 * @param how how the person said so ("replied STOP by SMS", "asked on the phone")
 */
public record RecipientOptedOut(String householdId, String migrantId, String municipalityCode, String how,
        Instant optedOutAt) implements EventPayload {

    public RecipientOptedOut {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(migrantId, "migrantId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(optedOutAt, "optedOutAt");
    }
}
