package org.diasporadesk.hotline.callers.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    /** Everything held about the migrant, for an officer of their municipality; others are told there is nothing. */
    public Export of(String householdId, String migrantId, Actor officer) {
        Map<String, KnownCaller> knownAt = directory.entriesOf(householdId, migrantId);
        List<String> phones = new ArrayList<>(knownAt.keySet());
        List<Ticket> theirs = tickets.byCaller(migrantId, null, phones);
        List<Call> theirCalls = calls.ofTicketsOrFrom(theirs.stream().map(Ticket::id).toList(), phones);
        boolean foreign = Stream.concat(knownAt.values().stream().map(KnownCaller::municipalityCode),
                theirs.stream().map(Ticket::officeCode)).anyMatch(area -> !officer.covers(area, territory));
        if (foreign) {
            throw new NotFoundException("person in the hotline's records", migrantId);
        }
        return new Export(clock.instant(), householdId, migrantId, knownAt, theirs, theirCalls);
    }
}
