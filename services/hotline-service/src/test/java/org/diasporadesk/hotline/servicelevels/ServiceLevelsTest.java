package org.diasporadesk.hotline.servicelevels;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketStatusChanged;
import org.diasporadesk.hotline.tickets.domain.Caller;
import org.diasporadesk.hotline.tickets.domain.Channel;
import org.diasporadesk.hotline.tickets.domain.Priority;
import org.diasporadesk.hotline.tickets.domain.ServiceLevel.Target;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketChange;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;
import org.diasporadesk.hotline.tickets.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Service-level clocks in a Georgian office: 09:00 to 18:00 in Tbilisi (UTC+4), Monday to Friday. */
class ServiceLevelsTest {

    private static final ServiceLevelProperties.OfficeHours TBILISI = new ServiceLevelProperties.OfficeHours(
            "Asia/Tbilisi", "09:00", "18:00", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), List.of("2026-11-23"));
    private static final ServiceLevels LEVELS = new ServiceLevels(new ServiceLevelProperties(
            Map.of(Priority.NORMAL, new ServiceLevelProperties.Target(Duration.ofHours(4), Duration.ofHours(24)),
                    Priority.HIGH, new ServiceLevelProperties.Target(Duration.ofMinutes(30), Duration.ofHours(8))),
            TBILISI, Map.of(), Duration.ofMinutes(1)));
    private static final OfficeCalendar CALENDAR = TBILISI.calendar();

    @Test
    void nightsWeekendsAndHolidaysDoNotCount() {
        Instant fridayEvening = Instant.parse("2026-11-20T13:30:00Z"); // 17:30 in Tbilisi
        Instant tuesdayMorning = Instant.parse("2026-11-24T05:30:00Z"); // 09:30; Monday 23rd is St George's Day

        assertThat(CALENDAR.officeTimeBetween(fridayEvening, tuesdayMorning)).isEqualTo(Duration.ofMinutes(60));
        assertThat(CALENDAR.afterOfficeTime(fridayEvening, Duration.ofMinutes(60))).isEqualTo(tuesdayMorning);
        assertThat(CALENDAR.officeTimeBetween(Instant.parse("2026-11-21T06:00:00Z"), Instant.parse("2026-11-22T12:00:00Z")))
            .as("a weekend").isZero();
    }

    @Test
    void aCallOnFridayEveningIsNotLateOnTuesdayMorning() {
        Ticket ticket = open(Instant.parse("2026-11-20T13:45:00Z"), Priority.HIGH); // Friday 17:45

        assertThat(LEVELS.check(ticket, Instant.parse("2026-11-24T05:10:00Z")).newlyMissed()).isEmpty(); // Tuesday 09:10
        assertThat(LEVELS.status(ticket, Instant.parse("2026-11-24T05:10:00Z")).responseDueAt())
            .isEqualTo(Instant.parse("2026-11-24T05:15:00Z"));
        assertThat(LEVELS.check(ticket, Instant.parse("2026-11-24T05:16:00Z")).newlyMissed())
            .containsExactly(Target.RESPONSE);
    }

    /** The watch reads a ticket only once its stored due time has come: it must be the first possible miss. */
    @Test
    void aTicketIsNextDueAtItsFirstTargetNotYetMetOrMissed() {
        Instant fridayEvening = Instant.parse("2026-11-20T13:45:00Z"); // Friday 17:45
        Ticket fresh = open(fridayEvening, Priority.HIGH);
        assertThat(LEVELS.nextPossibleMiss(fresh)).as("response, 30 office minutes: Tuesday 09:15")
            .isEqualTo(Instant.parse("2026-11-24T05:15:00Z"));

        Instant tuesdayNoon = Instant.parse("2026-11-24T08:00:00Z");
        Ticket late = fresh.breach(Target.RESPONSE, 30, tuesdayNoon).ticket();
        assertThat(LEVELS.nextPossibleMiss(late)).as("resolution, 8 office hours: Tuesday 16:45")
            .isEqualTo(Instant.parse("2026-11-24T12:45:00Z"));
        Ticket answered = fresh.moveTo(TicketStatus.IN_PROGRESS, Duration.ofDays(14), tuesdayNoon, LEVELS).ticket();
        assertThat(LEVELS.nextPossibleMiss(answered)).as("responded in time: resolution")
            .isEqualTo(Instant.parse("2026-11-24T12:45:00Z"));

        assertThat(LEVELS.nextPossibleMiss(late.breach(Target.RESOLUTION, 480, tuesdayNoon).ticket()))
            .as("both missed").isNull();
        assertThat(LEVELS.nextPossibleMiss(answered.moveTo(TicketStatus.RESOLVED, Duration.ofDays(14), tuesdayNoon,
                LEVELS).ticket())).as("resolved").isNull();
    }

    @Test
    void waitingOnTheCallerStopsTheClock() {
        Instant opened = Instant.parse("2026-11-24T06:00:00Z"); // Tuesday 10:00
        TicketChange started = open(opened, Priority.NORMAL)
            .moveTo(TicketStatus.IN_PROGRESS, Duration.ofDays(14), opened.plus(Duration.ofMinutes(10)), LEVELS);
        Ticket waiting = started.ticket()
            .moveTo(TicketStatus.WAITING, Duration.ofDays(14), opened.plus(Duration.ofHours(1)), LEVELS).ticket();
        assertThat(started.events().get(0)).isEqualTo(new TicketResponded("t-1", "GE-IM-KUTAISI", "documents",
                "NORMAL", opened.plus(Duration.ofMinutes(10)), 10));

        Instant twoDaysLater = opened.plus(Duration.ofDays(2));
        assertThat(LEVELS.status(waiting, twoDaysLater).paused()).isTrue();
        assertThat(LEVELS.status(waiting, twoDaysLater).officeMinutesRunning()).isEqualTo(60);
        assertThat(LEVELS.check(waiting, opened.plus(Duration.ofDays(10))).newlyMissed()).as("the caller has not answered")
            .isEmpty();

        TicketChange resuming = waiting.moveTo(TicketStatus.IN_PROGRESS, Duration.ofDays(14), twoDaysLater, LEVELS);
        assertThat(((TicketStatusChanged) resuming.events().get(0)).officeMinutesOpen())
            .as("two days of waiting are left out of the clock the event carries").isEqualTo(60);
        Ticket resumed = resuming.ticket();
        assertThat(LEVELS.status(resumed, twoDaysLater).resolutionDueAt())
            .as("23 office hours left from Thursday 10:00: Thursday, Friday, then Monday until 15:00")
            .isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        assertThat(LEVELS.nextPossibleMiss(waiting)).as("no target can be missed while the clock stands").isNull();
        assertThat(LEVELS.nextPossibleMiss(resumed)).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
    }

    private static Ticket open(Instant at, Priority priority) {
        return Ticket.open("t-1", "GE-IM-KUTAISI", new Caller(Caller.Kind.OTHER, null, null, null, null, null),
                Channel.INBOUND_CALL, "ka", new Topic("documents", "Documents", false, false), priority, null, "agent",
                at).ticket();
    }
}
