package org.diasporadesk.hotline.tickets.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.diasporadesk.chassis.retention.RetentionRule;
import org.diasporadesk.hotline.calls.application.Calls;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.springframework.stereotype.Component;

/**
 * A year after a ticket was finished, the caller's number and name and the free text about them go, as on
 * erasure, while the anonymous ticket (office, topic, priority, times) stays for the figures; so do the numbers of
 * the calls taken without a ticket. A year lets the office see a caller's history when they call again.
 */
@Component
class ClosedTicketsRetention implements RetentionRule {

    private static final int BATCH = 500;

    private final TicketStore tickets;
    private final Calls calls;

    ClosedTicketsRetention(TicketStore tickets, Calls calls) {
        this.tickets = tickets;
        this.calls = calls;
    }

    @Override
    public String kind() {
        return "closed-ticket-text";
    }

    @Override
    public Duration keptFor() {
        return Duration.ofDays(365);
    }

    @Override
    public long applyBefore(Instant cutoff) {
        long changed = 0;
        List<Ticket> due;
        do {
            due = tickets.finishedWithPersonalData(cutoff, BATCH);
            tickets.replaceCallers(due.stream().map(Ticket::withoutPersonalData).toList());
            calls.forgetCallers(due.stream().map(Ticket::id).toList(), List.of());
            changed += due.size();
        }
        while (due.size() == BATCH);
        return changed + calls.forgetUnticketedCallersBefore(cutoff);
    }
}
