package org.diasporadesk.hotline.calls.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.events.hotline.CallLogged;
import org.diasporadesk.hotline.calls.domain.Call;

/** Where calls live. */
public interface Calls {

    /** Stores the call and the events it caused, in one write. */
    void save(Call call, List<CallLogged> events);

    Optional<Call> find(String callId);

    /** Answered calls of these offices that have no ticket yet, oldest first. */
    List<Call> drafts(Collection<String> offices);

    /** Calls of these offices that rang since {@code since} and have not ended, the first to ring first. */
    List<Call> inProgress(Collection<String> offices, Instant since);

    /** The calls of these tickets and the calls from these numbers, newest first: for a person's export. */
    List<Call> ofTicketsOrFrom(Collection<String> ticketIds, Collection<String> phones);

    /** Removes the caller's number from the calls of these tickets and from the calls from these numbers without one. */
    void forgetCallers(Collection<String> ticketIds, Collection<String> phones);

    /** Removes the caller's number from calls that ended before {@code cutoff} without a ticket; returns how many. */
    long forgetUnticketedCallersBefore(Instant cutoff);
}
