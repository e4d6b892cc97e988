package org.diasporadesk.hotline.servicelevels;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * When an office works: its time zone, opening hours, working days and holidays. Service levels are measured
 * in office minutes, so a call on Friday evening is not late on Monday morning.
 */
public record OfficeCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays,
        Set<LocalDate> holidays) {

    /** A ticket open for longer than this is not measured further day by day; it is late anyway. */
    private static final int MAX_DAYS = 800;

    public OfficeCalendar {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("an office opens before it closes: " + opens + " to " + closes);
        }
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
    }

    /** Office time between two instants: only the parts of working days between opening and closing. */
    public Duration officeTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long seconds = 0;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int i = 0; !day.isAfter(last) && i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant open = max(from, day.atTime(opens).atZone(zone).toInstant());
                Instant close = min(to, day.atTime(closes).atZone(zone).toInstant());
                if (close.isAfter(open)) {
                    seconds += Duration.between(open, close).toSeconds();
                }
            }
        }
        return Duration.ofSeconds(seconds);
    }

    /** The instant when {@code officeTime} has passed after {@code from}, counting office hours only. */
    public Instant afterOfficeTime(Instant from, Duration officeTime) {
        long left = officeTime.toSeconds();
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant open = max(from, day.atTime(opens).atZone(zone).toInstant());
            Instant close = day.atTime(closes).atZone(zone).toInstant();
            if (close.isAfter(open)) {
                long available = Duration.between(open, close).toSeconds();
                if (left <= available) {
                    return open.plusSeconds(left);
                }
                left -= available;
            }
        }
        return from.plus(Duration.ofDays(MAX_DAYS));
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
