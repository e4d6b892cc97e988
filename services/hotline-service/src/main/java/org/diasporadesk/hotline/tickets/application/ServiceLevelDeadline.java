package org.diasporadesk.hotline.tickets.application;

import java.time.Instant;

import org.diasporadesk.hotline.tickets.domain.Ticket;

/**
 * When a ticket could next miss a service-level target if nothing changes. The store keeps it with the ticket, so
 * that the service-level watch reads only the tickets that are due instead of every open one.
 */
@FunctionalInterface
public interface ServiceLevelDeadline {

    /** Null while the ticket waits (its clock is stopped), once it is finished, or once it has missed both targets. */
    Instant nextPossibleMiss(Ticket ticket);
}
