package org.diasporadesk.hotline.callers.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.hotline.calls.application.Calls;
import org.diasporadesk.hotline.calls.domain.Call;
import org.diasporadesk.hotline.tickets.application.TicketStore;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.springframework.stereotype.Service;

/**
 * The hotline's part of a person's request for access: the numbers it knows them at, their tickets (also those
 * from their numbers before the registry knew them) and calls. The registry's export gives the record; the office
 * hands the person both.
 */
@Service
public class PersonExport {

    private final CallerDirectory directory;
    private final TicketStore tickets;
    private final Calls calls;
    private final Territory territory;
    private final Clock clock;

    PersonExport(CallerDirectory directory, TicketStore tickets, Calls calls, Territory territory, Clock clock) {
        this.directory = directory;
        this.tickets = tickets;
        this.calls = calls;
        this.territory = territory;
        this.clock = clock;
    }

    public record Export(Instant exportedAt, String householdId, String migrantId, Map<String, KnownCaller> knownAt,
            List<Ticket> tickets, List<Call> calls) {
    }

    /**
     * What is held about the migrant, for an officer of their municipality (another's is told there is nothing):
     * their numbers, and their tickets and calls at the offices the officer covers (another office answers for its
     * own).
     */
    public Export of(String householdId, String migrantId, Actor officer) {
        Map<String, KnownCaller> knownAt = directory.entriesOf(householdId, migrantId);
        if (knownAt.values().stream().anyMatch(known -> !officer.covers(known.municipalityCode(), territory))) {
            throw new NotFoundException("person in the hotline's records", migrantId);
        }
        List<String> phones = new ArrayList<>(knownAt.keySet());
        List<Ticket> theirs = tickets.byCaller(migrantId, null, phones).stream()
            .filter(ticket -> officer.covers(ticket.officeCode(), territory))
            .toList();
        List<Call> theirCalls = calls.ofTicketsOrFrom(theirs.stream().map(Ticket::id).toList(), phones).stream()
            .filter(call -> officer.covers(call.officeCode(), territory))
            .toList();
        return new Export(clock.instant(), householdId, migrantId, knownAt, theirs, theirCalls);
    }
}
