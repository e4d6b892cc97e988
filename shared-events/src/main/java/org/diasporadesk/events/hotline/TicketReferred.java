package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket was referred to a partner organisation (a consulate, a national agency, an NGO). PII-free: the
 * partner's kind, not the caller. Published on {@link org.diasporadesk.events.Topic#HOTLINE_TICKETS}.
 */
public record TicketReferred(String ticketId, String municipalityCode, String topic, String priority,
        String referralId, String partnerKind, Instant referredAt) implements TicketEvent {

    public TicketReferred {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(partnerKind, "partnerKind");
        Objects.requireNonNull(referredAt, "referredAt");
    }
}
