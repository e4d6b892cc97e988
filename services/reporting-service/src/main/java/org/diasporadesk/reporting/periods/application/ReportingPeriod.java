package org.diasporadesk.reporting.periods.application;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diasporadesk.chassis.web.InvalidFieldException;

/**
 * A day, an ISO week or a calendar month, as planners name them: {@code 2026-10-14}, {@code 2026-W42},
 * {@code 2026-10}. Days are the office's calendar days.
 *
 * @param from  the first day
 * @param until the day after the last
 */
public record ReportingPeriod(Interval interval, String label, LocalDate from, LocalDate until) {

    public enum Interval {
        DAY, WEEK, MONTH;

        public static Interval parse(String field, String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidFieldException(field, "'" + name + "' is not an interval: use day, week or month");
            }
        }
    }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** The period of this interval that contains the day. */
    public static ReportingPeriod containing(Interval interval, LocalDate day) {
        return switch (interval) {
            case DAY -> new ReportingPeriod(interval, day.toString(), day, day.plusDays(1));
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportingPeriod(interval, String.format(Locale.ROOT, "%d-W%02d",
                        monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday,
                        monday.plusWeeks(1));
            }
            case MONTH -> {
                YearMonth month = YearMonth.from(day);
                yield new ReportingPeriod(interval, month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
            }
        };
    }

    /**
     * @param field the request field that named it, for the problem response
     */
    public static ReportingPeriod parse(String field, String label) {
        try {
            Matcher week = WEEK.matcher(label);
            if (week.matches()) {
                int number = Integer.parseInt(week.group(2));
                LocalDate inWeek = LocalDate.of(Integer.parseInt(week.group(1)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number);
                if (number < 1 || inWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != number) {
                    throw new DateTimeException("no week " + number + " in " + week.group(1));
                }
                return containing(Interval.WEEK, inWeek);
            }
            if (label.length() == 7) {
                return containing(Interval.MONTH, YearMonth.parse(label).atDay(1));
            }
            return containing(Interval.DAY, LocalDate.parse(label));
        }
        catch (DateTimeException ex) {
            throw new InvalidFieldException(field, "'" + label + "' is not a period: write a day (2026-10-14), an ISO "
                    + "week (2026-W42) or a month (2026-10)");
        }
    }

    public ReportingPeriod next() {
        return containing(interval, until);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(until);
    }
}
