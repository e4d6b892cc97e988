package org.diasporadesk.hotline.tickets.domain;

import java.time.Instant;

/**
 * Reads a ticket's service-level clock: the minutes it has run by a moment, counting only its office's working
 * hours and leaving out the waits on the caller or a third party. The ticket's events carry it, so that reporting
 * measures first-response and resolution times the way the targets are set, without knowing office calendars.
 */
@FunctionalInterface
public interface ServiceClock {

    long officeMinutesRunning(Ticket ticket, Instant at);
}
