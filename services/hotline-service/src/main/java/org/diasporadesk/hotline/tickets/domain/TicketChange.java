package org.diasporadesk.hotline.tickets.domain;

import java.util.List;

import org.diasporadesk.events.hotline.TicketEvent;

/** A ticket's new state with the events the change caused, written together in one document write. */
public record TicketChange(Ticket ticket, List<TicketEvent> events) {

    public TicketChange {
        events = List.copyOf(events);
    }
}
