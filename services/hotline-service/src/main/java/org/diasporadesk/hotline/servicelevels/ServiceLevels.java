package org.diasporadesk.hotline.servicelevels;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.diasporadesk.hotline.tickets.application.ServiceLevelDeadline;
import org.diasporadesk.hotline.tickets.domain.ServiceLevel;
import org.diasporadesk.hotline.tickets.domain.ServiceLevel.Target;
import org.diasporadesk.hotline.tickets.domain.ServiceClock;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.springframework.stereotype.Component;

/**
 * Measures a ticket against the targets of its priority, in its office's working time, with waits on the
 * caller or a third party left out. A target is missed when the running office time exceeds it before the
 * first response (response) or before resolution (resolution).
 */
@Component
public class ServiceLevels implements ServiceClock, ServiceLevelDeadline {

    private final ServiceLevelProperties properties;
    private final OfficeCalendar defaultCalendar;
    private final Map<String, OfficeCalendar> officeCalendars;

    ServiceLevels(ServiceLevelProperties properties) {
        this.properties = properties;
        this.defaultCalendar = properties.officeHours().calendar();
        this.officeCalendars = properties.offices().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().calendar()));
    }

    /**
     * Where the ticket stands: office time run so far, and when each target falls due; a due time is null once
     * the target is met, and both are null while the ticket waits (the clock is stopped).
     */
    public record Status(long officeMinutesRunning, Instant responseDueAt, Instant resolutionDueAt, boolean paused,
            boolean responseBreached, boolean resolutionBreached) {
    }

    public Status status(Ticket ticket, Instant now) {
        OfficeCalendar calendar = calendarOf(ticket.officeCode());
        ServiceLevel clock = ticket.serviceLevel();
        Duration paused = pausedOfficeTime(calendar, clock, now);
        Duration running = calendar.officeTimeBetween(ticket.openedAt(), now).minus(paused);
        boolean waiting = clock.paused();
        DueTimes due = waiting ? new DueTimes(null, null) : dueTimes(calendar, ticket, paused);
        return new Status(running.toMinutes(), due.response(), due.resolution(), waiting,
                clock.breached(Target.RESPONSE), clock.breached(Target.RESOLUTION));
    }

    @Override
    public long officeMinutesRunning(Ticket ticket, Instant at) {
        return running(calendarOf(ticket.officeCode()), ticket, at).toMinutes();
    }

    @Override
    public Instant nextPossibleMiss(Ticket ticket) {
        ServiceLevel clock = ticket.serviceLevel();
        if (clock.paused() || ticket.status().finished()) {
            return null;
        }
        OfficeCalendar calendar = calendarOf(ticket.officeCode());
        // Every wait is over, so the office time they took is fixed: any instant serves as "now".
        DueTimes due = dueTimes(calendar, ticket, pausedOfficeTime(calendar, clock, ticket.openedAt()));
        Instant response = clock.breached(Target.RESPONSE) ? null : due.response();
        Instant resolution = clock.breached(Target.RESOLUTION) ? null : due.resolution();
        return response == null || (resolution != null && resolution.isBefore(response)) ? resolution : response;
    }

    /** When each target falls due, null once it is met; both move on by the office time the ticket waited. */
    private record DueTimes(Instant response, Instant resolution) {
    }

    private DueTimes dueTimes(OfficeCalendar calendar, Ticket ticket, Duration waited) {
        ServiceLevelProperties.Target target = properties.targets().get(ticket.priority());
        Instant response = ticket.serviceLevel().firstResponseAt() != null ? null
                : calendar.afterOfficeTime(ticket.openedAt(), target.response().plus(waited));
        Instant resolution = ticket.status().finished() ? null
                : calendar.afterOfficeTime(ticket.openedAt(), target.resolution().plus(waited));
        return new DueTimes(response, resolution);
    }

    /** The targets the ticket has missed by now and not yet recorded, with the office time it has run. */
    public record Check(long officeMinutesRunning, List<Target> newlyMissed) {
    }

    public Check check(Ticket ticket, Instant now) {
        OfficeCalendar calendar = calendarOf(ticket.officeCode());
        ServiceLevel clock = ticket.serviceLevel();
        ServiceLevelProperties.Target target = properties.targets().get(ticket.priority());
        Duration running = running(calendar, ticket, now);
        List<Target> missed = new ArrayList<>();
        if (!ticket.status().finished()) {
            if (clock.firstResponseAt() == null && !clock.breached(Target.RESPONSE)
                    && running.compareTo(target.response()) > 0) {
                missed.add(Target.RESPONSE);
            }
            if (!clock.breached(Target.RESOLUTION) && running.compareTo(target.resolution()) > 0) {
                missed.add(Target.RESOLUTION);
            }
        }
        return new Check(running.toMinutes(), missed);
    }

    /** The calendar the office works by: its own, or every office's. */
    public OfficeCalendar calendarOf(String officeCode) {
        return officeCalendars.getOrDefault(officeCode, defaultCalendar);
    }

    /** Office time since the ticket was opened, waits left out. */
    private static Duration running(OfficeCalendar calendar, Ticket ticket, Instant at) {
        return calendar.officeTimeBetween(ticket.openedAt(), at).minus(pausedOfficeTime(calendar, ticket.serviceLevel(),
                at));
    }

    private static Duration pausedOfficeTime(OfficeCalendar calendar, ServiceLevel clock, Instant now) {
        Duration paused = Duration.ZERO;
        for (ServiceLevel.Pause pause : clock.pauses()) {
            paused = paused.plus(calendar.officeTimeBetween(pause.from(), pause.until() == null ? now : pause.until()));
        }
        return paused;
    }
}
