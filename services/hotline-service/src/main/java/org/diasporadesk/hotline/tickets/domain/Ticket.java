package org.diasporadesk.hotline.tickets.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.events.hotline.ReferralOutcomeRecorded;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.hotline.TicketReferred;
import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketServiceLevelBreached;
import org.diasporadesk.events.hotline.TicketStatusChanged;

/**
 * A hotline ticket of one office (a municipality): who called, about what, how urgent, where it stands, and
 * the agents' notes. Every change returns the new state with the events it causes: PII-free facts for
 * reporting and, when a ticket opens for a caller the registry knows, the contact outreach segments on.
 *
 * @param escalatedAt when the ticket was escalated (emergencies: at once), or null
 * @param finishedAt  when it was last resolved, for the reopen period
 * @param serviceLevel the service-level clock: first response, waits, missed targets
 * @param referrals   partner organisations the ticket was referred to, and what came of it
 * @param version     the stored version the state was read at (null before the first write)
 */
public record Ticket(String id, String officeCode, Caller caller, Channel channel, String language, Topic topic,
        Priority priority, TicketStatus status, String assignee, List<Note> notes, Instant openedAt, String openedBy,
        Instant escalatedAt, Instant finishedAt, ServiceLevel serviceLevel, List<Referral> referrals, Long version) {

    /** What a note says once its text was erased or outlived its retention. */
    public static final String ERASED_TEXT = "[erased]";

    public Ticket {
        notes = List.copyOf(Objects.requireNonNullElse(notes, List.of()));
        serviceLevel = Objects.requireNonNullElse(serviceLevel, ServiceLevel.STARTED);
        referrals = List.copyOf(Objects.requireNonNullElse(referrals, List.of()));
    }

    /** Opens a ticket; an emergency topic overrides the priority asked for and escalates the ticket at once. */
    public static TicketChange open(String id, String officeCode, Caller caller, Channel channel, String language,
            Topic topic, Priority priority, String note, String agent, Instant now) {
        Priority effective = topic.emergency() ? Priority.HIGH : Objects.requireNonNullElse(priority, Priority.NORMAL);
        List<Note> notes = note == null || note.isBlank() ? List.of() : List.of(new Note(agent, now, note.strip()));
        Ticket ticket = new Ticket(id, officeCode, caller, channel, language, topic, effective, TicketStatus.NEW, null,
                notes, now, agent, topic.emergency() ? now : null, null, ServiceLevel.STARTED, List.of(), null);
        List<EventPayload> events = new ArrayList<>(List.of(new TicketOpened(id, officeCode, topic.code(),
                effective.name(), channel.name(), caller.kind().name(), topic.emergency(), now)));
        if (caller.householdId() != null && topic.sharedWithOutreach()) {
            events.add(new KnownCallerContacted(id, caller.migrantId(), caller.householdId(), officeCode, topic.code(),
                    now));
        }
        return new TicketChange(ticket, events);
    }

    /**
     * Moves the ticket on.
     *
     * @throws IllegalStateException saying what is possible instead: for a move not allowed from here, or a
     *                               reopening after the reopen period
     */
    public TicketChange moveTo(TicketStatus next, Duration reopenWithin, Instant now, ServiceClock serviceClock) {
        if (!status.next().contains(next)) {
            throw new IllegalStateException("a ticket that is " + status + " can move to " + status.next()
                    + ", not to " + next);
        }
        if (status.finished() && next == TicketStatus.IN_PROGRESS && finishedAt != null
                && finishedAt.plus(reopenWithin).isBefore(now)) {
            throw new IllegalStateException("this ticket was resolved more than " + reopenWithin.toDays()
                    + " days ago; open a new ticket and mention this one");
        }
        Instant finished = next == TicketStatus.RESOLVED ? now : finishedAt;
        ServiceLevel clock = next == TicketStatus.WAITING ? serviceLevel.pausedAt(now) : serviceLevel.resumedAt(now);
        if (next == TicketStatus.IN_PROGRESS || next == TicketStatus.RESOLVED) {
            clock = clock.responded(now);
        }
        Ticket moved = new Ticket(id, officeCode, caller, channel, language, topic, priority, next, assignee, notes,
                openedAt, openedBy, escalatedAt, finished, clock, referrals, version);
        long officeMinutes = serviceClock.officeMinutesRunning(moved, now);
        List<EventPayload> events = new ArrayList<>(firstResponse(moved, now, officeMinutes));
        events.add(statusChanged(status, next, now, officeMinutes));
        return new TicketChange(moved, events);
    }

    /** Gives the ticket to an agent; a new ticket becomes assigned. */
    public TicketChange assignTo(String agent, Instant now, ServiceClock serviceClock) {
        TicketStatus next = status == TicketStatus.NEW ? TicketStatus.ASSIGNED : status;
        Ticket assigned = new Ticket(id, officeCode, caller, channel, language, topic, priority, next, agent, notes,
                openedAt, openedBy, escalatedAt, finishedAt, serviceLevel, referrals, version);
        List<EventPayload> events = next == status ? List.of()
                : List.of(statusChanged(status, next, now, serviceClock.officeMinutesRunning(assigned, now)));
        return new TicketChange(assigned, events);
    }

    /** A note after the ticket was opened is the office's response to the caller. */
    public TicketChange addNote(String author, String text, Instant now, ServiceClock serviceClock) {
        List<Note> longer = new ArrayList<>(notes);
        longer.add(new Note(author, now, text.strip()));
        Ticket noted = new Ticket(id, officeCode, caller, channel, language, topic, priority, status, assignee, longer,
                openedAt, openedBy, escalatedAt, finishedAt, serviceLevel.responded(now), referrals, version);
        return new TicketChange(noted, firstResponse(noted, now, serviceClock.officeMinutesRunning(noted, now)));
    }

    /** Records that a service-level target was missed, once; the event lets reporting count it. */
    public TicketChange breach(ServiceLevel.Target target, long officeMinutes, Instant now) {
        if (serviceLevel.breached(target)) {
            return new TicketChange(this, List.of());
        }
        Ticket breached = new Ticket(id, officeCode, caller, channel, language, topic, priority, status, assignee, notes,
                openedAt, openedBy, escalatedAt, finishedAt, serviceLevel.breached(target, now), referrals, version);
        return new TicketChange(breached, List.of(new TicketServiceLevelBreached(id, officeCode, topic.code(),
                priority.name(), target.name(), officeMinutes, now)));
    }

    /** Refers the ticket to a partner organisation; a referral is a response to the caller. */
    public TicketChange refer(String referralId, String partnerId, String partnerName, String partnerKind, String reason,
            String agent, Instant now, ServiceClock serviceClock) {
        List<Referral> longer = new ArrayList<>(referrals);
        longer.add(new Referral(referralId, partnerId, partnerName, partnerKind, now, agent, reason, null, null, null));
        Ticket referred = new Ticket(id, officeCode, caller, channel, language, topic, priority, status, assignee, notes,
                openedAt, openedBy, escalatedAt, finishedAt, serviceLevel.responded(now), longer, version);
        List<EventPayload> events = new ArrayList<>(firstResponse(referred, now,
                serviceClock.officeMinutesRunning(referred, now)));
        events.add(new TicketReferred(id, officeCode, topic.code(), priority.name(), referralId, partnerKind, now));
        return new TicketChange(referred, events);
    }

    /**
     * Records what came of a referral; a later record replaces an earlier one (a partner that did not answer may
     * still help).
     *
     * @throws IllegalArgumentException if the ticket has no such referral
     */
    public TicketChange recordOutcome(String referralId, Referral.Outcome outcome, String note, Instant now) {
        Referral referral = referrals.stream().filter(r -> r.id().equals(referralId)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("ticket " + id + " has no referral " + referralId));
        List<Referral> updated = referrals.stream()
            .map(r -> r == referral ? r.withOutcome(outcome, note, now) : r)
            .toList();
        Ticket recorded = new Ticket(id, officeCode, caller, channel, language, topic, priority, status, assignee, notes,
                openedAt, openedBy, escalatedAt, finishedAt, serviceLevel, updated, version);
        return new TicketChange(recorded, List.of(new ReferralOutcomeRecorded(id, officeCode, topic.code(), referralId,
                referral.partnerKind(), outcome.name(), now)));
    }

    /**
     * The registry erased the person who called: their name and number go, and so does what agents wrote, which
     * is about them (notes, referral reasons and outcome notes). What remains (office, topic, priority, times) is anonymous and still counts.
     */
    public Ticket withoutPersonalData() {
        List<Note> blanked = notes.stream().map(note -> new Note(note.author(), note.at(), ERASED_TEXT)).toList();
        return new Ticket(id, officeCode, caller.anonymous(), channel, language, topic, priority, status, assignee,
                blanked, openedAt, openedBy, escalatedAt, finishedAt, serviceLevel,
                referrals.stream().map(Referral::withoutPersonalData).toList(), version);
    }

    private TicketStatusChanged statusChanged(TicketStatus from, TicketStatus to, Instant now, long officeMinutes) {
        return new TicketStatusChanged(id, officeCode, topic.code(), priority.name(), from.name(), to.name(), now,
                Math.max(0, Duration.between(openedAt, now).toMinutes()), officeMinutes);
    }

    /** The response event, if this change is the office's first response to the caller. */
    private List<EventPayload> firstResponse(Ticket changed, Instant now, long officeMinutes) {
        boolean first = serviceLevel.firstResponseAt() == null && changed.serviceLevel.firstResponseAt() != null;
        return first ? List.of(new TicketResponded(id, officeCode, topic.code(), priority.name(), now, officeMinutes))
                : List.of();
    }
}
