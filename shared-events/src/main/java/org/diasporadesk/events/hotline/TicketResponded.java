package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

/**
 * The office first responded to a ticket: an agent started work on it, wrote a note after it was opened,
 * referred it or resolved it, whichever came first. Raised once per ticket. {@code officeMinutes} is the time the
 * ticket's service-level clock ran until then: its office's working hours, waits left out, the measure its
 * first-response target is set in. PII-free: published on {@link org.diasporadesk.events.Topic#HOTLINE_TICKETS}.
 */
public record TicketResponded(String ticketId, String municipalityCode, String topic, String priority,
        Instant respondedAt, long officeMinutes) implements TicketEvent {

    public TicketResponded {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(respondedAt, "respondedAt");
    }
}
