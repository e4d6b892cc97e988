package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket moved from one status to another (assigned, in progress, waiting, resolved, closed, reopened).
 * {@code minutesOpen} is the wall-clock time since it was opened; {@code officeMinutesOpen} is the time its
 * service-level clock has run: its office's working hours only, waits on the caller or a third party left out
 * (null from hotlines that published before it was added). So reporting can derive resolution times without
 * holding the ticket. PII-free: published on {@link org.diasporadesk.events.Topic#HOTLINE_TICKETS}.
 */
public record TicketStatusChanged(String ticketId, String municipalityCode, String topic, String priority,
        String from, String to, Instant changedAt, long minutesOpen, Long officeMinutesOpen) implements TicketEvent {

    public TicketStatusChanged {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
