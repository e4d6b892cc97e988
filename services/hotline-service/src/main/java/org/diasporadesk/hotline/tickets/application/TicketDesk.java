package org.diasporadesk.hotline.tickets.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.diasporadesk.chassis.phone.PhoneNumbers;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.ForbiddenException;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.hotline.callers.application.CallerDirectory;
import org.diasporadesk.hotline.callers.application.KnownCaller;
import org.diasporadesk.hotline.partners.application.Partner;
import org.diasporadesk.hotline.partners.application.PartnerList;
import org.diasporadesk.hotline.tickets.domain.Caller;
import org.diasporadesk.hotline.tickets.domain.Channel;
import org.diasporadesk.hotline.tickets.domain.Referral;
import org.diasporadesk.hotline.tickets.domain.ServiceClock;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketChange;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;
import org.diasporadesk.hotline.tickets.domain.Topic;
import org.springframework.stereotype.Service;

/**
 * An office's hotline desk: opening tickets for calls in and out, the office's queue, moving tickets on,
 * notes. Agents work the tickets of the offices their area covers; another office's tickets answer like
 * missing ones, so no one learns who called elsewhere.
 */
@Service
public class TicketDesk {

    private final TicketStore store;
    private final CallerDirectory callers;
    private final PhoneNumbers phoneNumbers;
    private final Territory territory;
    private final HotlineProperties properties;
    private final PartnerList partners;
    private final Clock clock;
    private final ServiceClock serviceClock;

    TicketDesk(TicketStore store, CallerDirectory callers, PhoneNumbers phoneNumbers, Territory territory,
            HotlineProperties properties, PartnerList partners, Clock clock, ServiceClock serviceClock) {
        this.store = store;
        this.callers = callers;
        this.phoneNumbers = phoneNumbers;
        this.territory = territory;
        this.properties = properties;
        this.partners = partners;
        this.clock = clock;
        this.serviceClock = serviceClock;
    }

    /**
     * A ticket just opened, and the registry people at the caller's number when the desk could not tell which
     * of them is calling: the agent picks one ({@code callerMigrantId} or {@code callerHouseholdId}); nothing is
     * guessed.
     */
    public record Opened(Ticket ticket, List<KnownCaller> otherPossibleCallers) {
    }

    public Opened open(OpenTicket command, Actor agent) {
        String office = command.officeCode() == null ? agent.area() : command.officeCode();
        if (office == null || !territory.isLowestLevelUnit(office)) {
            throw new InvalidFieldException("officeCode", "a municipality office is needed; GET /territory lists the codes");
        }
        if (!agent.covers(office, territory)) {
            throw new InvalidFieldException("officeCode", "'" + office + "' is not an office of your area");
        }
        Topic topic = topic(command.topic());
        String phone = command.phone() == null || command.phone().isBlank() ? null
                : phoneNumbers.toE164(command.phone(), territory.country(), "phone");
        List<KnownCaller> candidates = phone == null ? List.of() : callers.callersAt(phone).stream()
            .filter(candidate -> agent.covers(candidate.municipalityCode(), territory))
            .toList();
        Optional<KnownCaller> chosen = choose(candidates, command.callerMigrantId(), command.callerHouseholdId());
        Caller caller = chosen
            .map(known -> new Caller(known.kind() == KnownCaller.Kind.MIGRANT ? Caller.Kind.MIGRANT_ABROAD
                    : Caller.Kind.FAMILY_MEMBER, phone, known.name(), known.migrantId(), known.householdId(),
                    known.timeZone()))
            .orElseGet(() -> new Caller(command.callerKind() == null ? Caller.Kind.OTHER : command.callerKind(), phone,
                    blankToNull(command.callerName()), null, null, null));
        TicketChange opened = Ticket.open(UUID.randomUUID().toString(), office, caller,
                command.channel() == null ? Channel.INBOUND_CALL : command.channel(), blankToNull(command.language()),
                topic, command.priority(), command.note(), agent.userId(), clock.instant());
        store.insert(opened);
        return new Opened(opened.ticket(), chosen.isPresent() ? List.of() : candidates);
    }

    public Ticket get(String id, Actor agent) {
        return store.find(id)
            .filter(ticket -> agent.covers(ticket.officeCode(), territory))
            .orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /**
     * The offices' queue as the reader works it: a supervisor sees every ticket of the office, an agent their own and
     * the unassigned ones they may take.
     */
    public List<Ticket> queue(Actor agent, TicketStatus status, int page, int size) {
        if (agent.area() == null) {
            return List.of();
        }
        return store.queue(territory.lowestLevelUnitsWithin(agent.area()), status,
                agent.has(Role.SUPERVISOR) ? null : agent.userId(), page, size);
    }

    public Ticket move(String id, TicketStatus next, Actor agent) {
        Ticket ticket = get(id, agent);
        TicketChange change;
        try {
            change = ticket.moveTo(next, properties.reopenWithin(), clock.instant(), serviceClock);
        }
        catch (IllegalStateException refused) {
            throw new StateConflictException("status", refused.getMessage());
        }
        store.update(change);
        return change.ticket();
    }

    /**
     * {@code assignee} null: the agent takes the ticket. An agent takes an unassigned ticket or keeps their own; giving
     * a ticket to someone else, or taking a colleague's, is the supervisor's.
     */
    public Ticket assign(String id, String assignee, Actor agent) {
        Ticket ticket = get(id, agent);
        if (ticket.status().finished()) {
            throw new StateConflictException("assignee", "a " + ticket.status() + " ticket is not assigned; reopen it first");
        }
        String to = assignee == null ? agent.userId() : assignee;
        boolean ownOrFree = to.equals(agent.userId())
                && (ticket.assignee() == null || ticket.assignee().equals(agent.userId()));
        if (!ownOrFree && !agent.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("Only the office's supervisor reassigns a ticket; ask them to give it to "
                    + "you or to a colleague.");
        }
        TicketChange change = ticket.assignTo(to, clock.instant(), serviceClock);
        store.update(change);
        return change.ticket();
    }

    public Ticket addNote(String id, String text, Actor agent) {
        TicketChange change = get(id, agent).addNote(agent.userId(), text, clock.instant(), serviceClock);
        store.update(change);
        return change.ticket();
    }

    /** Refers the ticket to an active partner organisation of the managed list. */
    public Ticket refer(String id, String partnerId, String reason, Actor agent) {
        Ticket ticket = get(id, agent);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new StateConflictException("status", "a closed ticket is not referred; reopen it first");
        }
        Partner partner = partners.find(partnerId)
            .filter(Partner::active)
            .orElseThrow(() -> new InvalidFieldException("partnerId", "not an active partner; GET /partners lists them"));
        TicketChange change = ticket.refer(UUID.randomUUID().toString(), partner.id(), partner.name(),
                partner.kind().name(), blankToNull(reason), agent.userId(), clock.instant(), serviceClock);
        store.update(change);
        return change.ticket();
    }

    public Ticket recordOutcome(String id, String referralId, Referral.Outcome outcome, String note, Actor agent) {
        Ticket ticket = get(id, agent);
        TicketChange change;
        try {
            change = ticket.recordOutcome(referralId, outcome, blankToNull(note), clock.instant());
        }
        catch (IllegalArgumentException noSuchReferral) {
            throw new NotFoundException("referral of ticket " + id, referralId);
        }
        store.update(change);
        return change.ticket();
    }

    /** The caller's earlier tickets at the agent's offices, newest first: part of recognising who is calling. */
    public List<Ticket> previousTickets(String e164, Actor agent, int limit) {
        if (agent.area() == null) {
            return List.of();
        }
        return store.byCallerPhone(e164, territory.lowestLevelUnitsWithin(agent.area()), limit);
    }

    public List<Topic> topics() {
        return properties.topics().stream().sorted(Comparator.comparing(Topic::code)).toList();
    }

    private Topic topic(String code) {
        return properties.topics().stream()
            .filter(topic -> topic.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new InvalidFieldException("topic", "'" + code + "' is not a hotline topic; "
                    + "GET /tickets/topics lists them"));
    }

    /** The agent's pick among the candidates, or the only candidate; never a guess among several. */
    private static Optional<KnownCaller> choose(List<KnownCaller> candidates, String migrantId, String householdId) {
        if (migrantId == null && householdId == null) {
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        return Optional.of(candidates.stream()
            .filter(candidate -> migrantId == null || migrantId.equals(candidate.migrantId()))
            .filter(candidate -> householdId == null || householdId.equals(candidate.householdId()))
            .findFirst()
            .orElseThrow(() -> new InvalidFieldException(migrantId != null ? "callerMigrantId" : "callerHouseholdId",
                    "not one of the registry people at this number; GET /callers?phone= lists them")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
