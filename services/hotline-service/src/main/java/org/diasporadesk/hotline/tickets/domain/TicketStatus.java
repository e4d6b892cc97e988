package org.diasporadesk.hotline.tickets.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. Moves not listed are refused; a resolved or closed ticket is reopened by moving it
 * back to {@link #IN_PROGRESS}, within the office's reopen period.
 */
public enum TicketStatus {
    NEW, ASSIGNED, IN_PROGRESS,
    /** Waiting on the caller or a third party; the clock of service levels pauses. */
    WAITING,
    RESOLVED, CLOSED;

    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSIGNED, IN_PROGRESS, WAITING, RESOLVED);
            case ASSIGNED -> EnumSet.of(IN_PROGRESS, WAITING, RESOLVED);
            case IN_PROGRESS -> EnumSet.of(WAITING, RESOLVED);
            case WAITING -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED -> EnumSet.of(IN_PROGRESS);
        };
    }

    public boolean finished() {
        return this == RESOLVED || this == CLOSED;
    }
}
