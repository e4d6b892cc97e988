package org.diasporadesk.hotline.tickets.domain;

import java.util.List;

import org.diasporadesk.events.EventPayload;

/** A ticket's new state with the events the change caused, written together in one document write. */
public record TicketChange(Ticket ticket, List<EventPayload> events) {

    public TicketChange {
        events = List.copyOf(events);
    }
}
