package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

import org.diasporadesk.events.EventPayload;

/**
 * A person the registry knows contacted the hotline: a ticket was opened for a recognised migrant or, when a
 * family member called, for their household. Outreach keeps it for segments on hotline history ("called about
 * business or investment in the last 30 days"). Tickets on an emergency topic are never announced: who called
 * about abuse, a missing person or a death abroad stays with the hotline. Personal data (ids of a person and
 * what they called about): published on {@link org.diasporadesk.events.Topic#HOTLINE_CALLERS} only; key and
 * subject: the ticket id.
 *
 * @param migrantId   the migrant who called, or null when a family member of the household did
 * @param householdId the caller's household
 * @param topic       the code of the ticket's topic in the hotline's taxonomy
 */
public record KnownCallerContacted(String ticketId, String migrantId, String householdId, String municipalityCode,
        String topic, Instant contactedAt) implements EventPayload {

    public KnownCallerContacted {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(contactedAt, "contactedAt");
    }
}
