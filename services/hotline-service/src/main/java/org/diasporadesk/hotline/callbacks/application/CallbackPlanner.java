package org.diasporadesk.hotline.callbacks.application;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.hotline.callbacks.domain.Callback;
import org.diasporadesk.hotline.tickets.application.TicketDesk;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Schedules callbacks and shows agents what is due. A callback must fall within reasonable hours where the
 * caller lives (by default 09:00 to 21:00 local time): migrants abroad live in many time zones, and a call at
 * 3 a.m. in Chicago helps nobody. A time outside them is refused with the next reasonable time to offer.
 */
@Service
public class CallbackPlanner {

    private final Callbacks callbacks;
    private final TicketDesk tickets;
    private final Territory territory;
    private final LocalTime earliest;
    private final LocalTime latest;
    private final Clock clock;

    CallbackPlanner(Callbacks callbacks, TicketDesk tickets, Territory territory,
            @Value("${ddesk.hotline.callbacks.earliest:09:00}") String earliest,
            @Value("${ddesk.hotline.callbacks.latest:21:00}") String latest, Clock clock) {
        this.callbacks = callbacks;
        this.tickets = tickets;
        this.territory = territory;
        this.earliest = LocalTime.parse(earliest);
        this.latest = LocalTime.parse(latest);
        this.clock = clock;
    }

    /** A callback with the time it is for the caller, as agents plan with it. */
    public record PlannedCallback(Callback callback, LocalDateTime callerLocalTime, boolean overdue) {
    }

    /** @param timeZone the caller's IANA zone when the ticket does not know it (several zones in the country) */
    public PlannedCallback schedule(String ticketId, Instant at, String timeZone, Actor agent) {
        Ticket ticket = tickets.get(ticketId, agent);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new StateConflictException("status", "a closed ticket gets no callback; reopen it first");
        }
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            throw new InvalidFieldException("at", "a callback is scheduled in the future");
        }
        ZoneId zone = zone(timeZone != null ? timeZone : ticket.caller().timeZone());
        ZonedDateTime local = at.atZone(zone);
        if (local.toLocalTime().isBefore(earliest) || local.toLocalTime().isAfter(latest)) {
            throw new InvalidFieldException("at", "that is " + local.toLocalTime() + " for the caller (" + zone
                    + "); call between " + earliest + " and " + latest + " their time, for example at "
                    + nextReasonable(local).toOffsetDateTime());
        }
        Callback callback = new Callback(UUID.randomUUID().toString(), ticket.id(), ticket.officeCode(), at, zone.getId(),
                Callback.Status.PENDING, agent.userId(), null);
        callbacks.save(callback);
        return planned(callback, now);
    }

    /** Pending callbacks of the agent's offices due within {@code window}, overdue ones first. */
    public List<PlannedCallback> due(Duration window, Actor agent) {
        if (agent.area() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return callbacks.pendingBefore(territory.lowestLevelUnitsWithin(agent.area()), now.plus(window)).stream()
            .map(callback -> planned(callback, now))
            .toList();
    }

    public PlannedCallback close(String id, Callback.Status outcome, Actor agent) {
        Callback callback = callbacks.find(id)
            .filter(found -> agent.covers(found.officeCode(), territory))
            .orElseThrow(() -> new NotFoundException("callback", id));
        if (outcome == Callback.Status.PENDING) {
            throw new InvalidFieldException("status", "a callback is closed as DONE or CANCELLED");
        }
        Callback closed = callback.closed(outcome, clock.instant());
        callbacks.save(closed);
        return planned(closed, clock.instant());
    }

    private PlannedCallback planned(Callback callback, Instant now) {
        return new PlannedCallback(callback, callback.dueAt().atZone(ZoneId.of(callback.callerTimeZone())).toLocalDateTime(),
                callback.status() == Callback.Status.PENDING && callback.dueAt().isBefore(now));
    }

    private ZonedDateTime nextReasonable(ZonedDateTime local) {
        return local.toLocalTime().isAfter(latest) ? local.plusDays(1).with(earliest) : local.with(earliest);
    }

    private static ZoneId zone(String id) {
        if (id == null) {
            throw new InvalidFieldException("timeZone", "the caller's time zone is not known (their country has "
                    + "several, or the registry does not know where they live); give it, such as Europe/Moscow");
        }
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException ex) {
            throw new InvalidFieldException("timeZone", "'" + id + "' is not an IANA time zone, such as Europe/Athens");
        }
    }
}
