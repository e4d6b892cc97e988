package org.diasporadesk.reporting.periods.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.periods.application.PeriodFigures.Activities;
import org.diasporadesk.reporting.periods.application.PeriodFigures.UnitActivity;
import org.diasporadesk.reporting.periods.application.ReportingPeriod.Interval;

/**
 * Days, weeks and months as they may be published, read from the months they lie in ({@link PublishedMonth}). A week
 * is the sum of its days as published, and withheld if any of them is, so that it tells a reader nothing the days do
 * not. Weeks overlap months, and as cells of their own, tied to the days by a second set of sums, they would leave too
 * little room to protect small municipalities' days.
 */
final class PublishedPeriods {

    private final Map<YearMonth, PublishedMonth> months;
    private final Territory territory;

    PublishedPeriods(Map<YearMonth, PublishedMonth> months, Territory territory) {
        this.months = months;
        this.territory = territory;
    }

    /** The calendar months a period overlaps: one, or two for a week across a month's end. */
    static List<ReportingPeriod> monthsOf(ReportingPeriod period) {
        List<ReportingPeriod> overlapped = new ArrayList<>();
        for (ReportingPeriod month = ReportingPeriod.containing(Interval.MONTH, period.from());
                month.from().isBefore(period.until()); month = month.next()) {
            overlapped.add(month);
        }
        return overlapped;
    }

    /** The sign-off of the area for the period: months are signed off, days and weeks are not. */
    Optional<SignOff> signOff(ReportingPeriod period, String area) {
        return period.interval() == Interval.MONTH ? month(period.from()).signOff(area) : Optional.empty();
    }

    /** The area and each unit directly below it, as counted now. */
    Activities now(ReportingPeriod period, TerritorialUnit area) {
        return activities(area.code(), (measure, unit) -> now(measure, period, unit));
    }

    Activities approved(ReportingPeriod month, SignOff signOff) {
        return activities(signOff.area(), List.copyOf(signOff.approved().below().keySet()),
                (measure, unit) -> month(month.from()).approved(measure, signOff, unit));
    }

    Activities adjustment(ReportingPeriod month, SignOff signOff) {
        return activities(signOff.area(), List.copyOf(signOff.approved().below().keySet()),
                (measure, unit) -> month(month.from()).adjustment(measure, signOff, unit));
    }

    private Cell now(String measure, ReportingPeriod period, String unit) {
        if (period.interval() == Interval.MONTH) {
            return month(period.from()).now(measure, unit);
        }
        if (period.interval() == Interval.DAY) {
            return month(period.from()).now(measure, period.from(), unit);
        }
        long sum = 0;
        for (LocalDate day = period.from(); day.isBefore(period.until()); day = day.plusDays(1)) {
            Cell cell = month(day).now(measure, day, unit);
            if (cell.suppressed()) {
                return Cell.withheld();
            }
            sum += cell.value();
        }
        return Cell.shown(sum);
    }

    private PublishedMonth month(LocalDate day) {
        PublishedMonth month = months.get(YearMonth.from(day));
        if (month == null) {
            throw new IllegalArgumentException(day + " is in no month published here");
        }
        return month;
    }

    private interface Measured {
        Cell of(String measure, String unit);
    }

    private Activities activities(String area, Measured cell) {
        return activities(area, territory.children(area).stream().map(TerritorialUnit::code).toList(), cell);
    }

    private Activities activities(String area, List<String> units, Measured cell) {
        List<UnitActivity> below = new ArrayList<>();
        for (String unit : units) {
            below.add(new UnitActivity(unit, territory.unit(unit).map(TerritorialUnit::name).orElse(unit),
                    cell.of(PublishedMonth.MIGRANTS, unit), cell.of(PublishedMonth.HOUSEHOLDS, unit),
                    cell.of(PublishedMonth.TICKETS, unit)));
        }
        return new Activities(cell.of(PublishedMonth.MIGRANTS, area), cell.of(PublishedMonth.HOUSEHOLDS, area),
                cell.of(PublishedMonth.TICKETS, area), below);
    }
}
