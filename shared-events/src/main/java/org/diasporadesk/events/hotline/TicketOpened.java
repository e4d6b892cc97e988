package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

/**
 * A hotline ticket was opened at an office. {@code emergency} tickets (abuse, missing persons, death abroad,
 * illegal recruitment in progress) start at high priority and are escalated at once.
 * PII-free: published on {@link org.diasporadesk.events.Topic#HOTLINE_TICKETS}.
 */
public record TicketOpened(String ticketId, String municipalityCode, String topic, String priority, String channel,
        String callerKind, boolean emergency, Instant openedAt) implements TicketEvent {

    public TicketOpened {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(callerKind, "callerKind");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
