package org.diasporadesk.hotline.callbacks.domain;

import java.time.Instant;

/**
 * A call the office promised to make, for a ticket, at a time that is reasonable where the caller lives.
 * Carries no personal data of its own: who to call is on the ticket.
 */
public record Callback(String id, String ticketId, String officeCode, Instant dueAt, String callerTimeZone,
        Status status, String scheduledBy, Instant closedAt) {

    public enum Status {
        PENDING, DONE, CANCELLED
    }

    public Callback closed(Status outcome, Instant now) {
        return new Callback(id, ticketId, officeCode, dueAt, callerTimeZone, outcome, scheduledBy, now);
    }
}
