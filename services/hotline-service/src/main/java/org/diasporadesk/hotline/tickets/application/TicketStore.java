package org.diasporadesk.hotline.tickets.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketChange;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;

/** Where tickets live; a change and its events are one atomic write. */
public interface TicketStore {

    void insert(TicketChange change);

    /** Writes the change if the ticket is still at the version it was read at; otherwise fails with a conflict. */
    void update(TicketChange change);

    Optional<Ticket> find(String id);

    /**
     * The offices' queue, high priority first, oldest first within a priority; {@code status} null for all open ones;
     * {@code assigneeOrFree} an agent's id for their own tickets and the unassigned ones, null for all.
     */
    List<Ticket> queue(Collection<String> offices, TicketStatus status, String assigneeOrFree, int page, int size);

    /** Tickets of every office that could have missed a service-level target by {@code now}: for the watch. */
    List<Ticket> serviceLevelsDue(Instant now);

    /**
     * Works out again when each open ticket is next due, for the targets and office calendars in force now (they may
     * have changed since the ticket was written); returns how many due times moved.
     */
    int refreshServiceLevelDueTimes();

    /** The caller's tickets at these offices, newest first. */
    List<Ticket> byCallerPhone(String e164, Collection<String> offices, int limit);

    /**
     * Tickets whose caller the registry linked to this migrant, or, for family members, to this household, and
     * tickets from any of these numbers that were never linked to a record.
     */
    List<Ticket> byCaller(String migrantId, String householdId, Collection<String> phones);

    /**
     * Writes these tickets' callers, notes and referrals and nothing else, whatever their version: an erasure must not
     * fail on a concurrent edit. The version still moves on, so that edit cannot write the old data back.
     */
    void replaceCallers(List<Ticket> tickets);

    /** Tickets finished before {@code cutoff} that still hold their caller's number, name or notes. */
    List<Ticket> finishedWithPersonalData(Instant cutoff, int limit);

    /** Tickets of a merged registry record now belong to the surviving one. */
    void relinkCaller(String mergedMigrantId, String survivingMigrantId, String survivingHouseholdId);
}
