package org.diasporadesk.reporting.periods.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.periods.application.ReportingPeriod.Interval;
import org.springframework.stereotype.Service;

/**
 * An area's activity per period (day, ISO week, month), and the sign-off of a period: a regional planner approves
 * the region's figures for a period that has ended, and from then on those figures are served as approved;
 * events that arrive later for the period show beside them as a late adjustment, never inside them.
 */
@Service
public class PeriodFigures {

    /** The longest series one request may ask for: a year of days. */
    static final int MAX_PERIODS = 366;

    private final ActivityCounter counter;
    private final PeriodPublisher publisher;
    private final SignOffs signOffs;
    private final Territory territory;
    private final OfficeCalendar calendar;
    private final Clock clock;

    PeriodFigures(ActivityCounter counter, PeriodPublisher publisher, SignOffs signOffs, Territory territory,
            OfficeCalendar calendar, Clock clock) {
        this.counter = counter;
        this.publisher = publisher;
        this.signOffs = signOffs;
        this.territory = territory;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** IN_PROGRESS until the period has ended, then OPEN until it is signed off. */
    public enum Status {
        IN_PROGRESS, OPEN, SIGNED_OFF
    }

    /** Published activity of an area and of each unit directly below it; every count protected. */
    public record Activities(Cell migrantsRecorded, Cell householdsRecorded, Cell ticketsOpened,
            List<UnitActivity> below) {
    }

    public record UnitActivity(String area, String name, Cell migrantsRecorded, Cell householdsRecorded,
            Cell ticketsOpened) {
    }

    /**
     * @param figures        as signed off, for a signed-off period; as they are now otherwise
     * @param lateAdjustment for a signed-off period, what arrived for it after the sign-off (may be negative, when
     *                       a household moved away); null otherwise
     */
    public record PeriodReport(String area, String name, String period, LocalDate from, LocalDate until,
            Status status, String signedOffBy, Instant signedOffAt, Activities figures, Activities lateAdjustment) {
    }

    public record Series(String area, String name, Interval interval, List<PeriodReport> periods) {
    }

    public PeriodReport report(String areaCode, String periodLabel, Actor planner) {
        TerritorialUnit area = AreaAccess.require(planner, territory, "area", areaCode);
        ReportingPeriod period = ReportingPeriod.parse("period", periodLabel);
        return report(area, period, publisher.publish(List.of(period)));
    }

    /** The periods of the interval from the one holding {@code from} to the one holding {@code to}. */
    public Series series(String areaCode, String intervalName, LocalDate from, LocalDate to, Actor planner) {
        TerritorialUnit area = AreaAccess.require(planner, territory, "area", areaCode);
        Interval interval = Interval.parse("interval", intervalName);
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        List<ReportingPeriod> periods = new ArrayList<>();
        for (ReportingPeriod period = ReportingPeriod.containing(interval, from); !period.from().isAfter(to);
                period = period.next()) {
            if (periods.size() == MAX_PERIODS) {
                throw new InvalidFieldException("to", "more than " + MAX_PERIODS + " " + interval.name().toLowerCase(Locale.ROOT)
                        + "s from " + from + " to " + to + "; ask for a shorter span or a longer interval");
            }
            periods.add(period);
        }
        PublishedPeriods published = publisher.publish(periods);
        return new Series(area.code(), area.name(), interval, periods.stream()
            .map(period -> report(area, period, published))
            .toList());
    }

    /**
     * A regional planner signs off the region, a national planner the nation, for a month that has ended: the
     * offices report by the month, and a month's table holds its days and weeks, so its approval protects them too.
     *
     * @throws StateConflictException (409) for a month still running or already signed off
     */
    public PeriodReport signOff(String areaCode, String periodLabel, Actor planner) {
        TerritorialUnit area = AreaAccess.require(planner, territory, "area", areaCode);
        boolean ownRegion = planner.has(Role.REGIONAL_PLANNER) && area.code().equals(planner.area());
        boolean nation = planner.has(Role.NATIONAL_PLANNER) && area.parent() == null;
        if (!ownRegion && !nation) {
            throw new InvalidFieldException("area", "a regional planner signs off their own region as a whole, a "
                    + "national planner the nation; '" + area.code() + "' is neither for you");
        }
        ReportingPeriod period = ReportingPeriod.parse("period", periodLabel);
        if (period.interval() != Interval.MONTH) {
            throw new InvalidFieldException("period", "'" + period.label() + "' is a " + period.interval().name()
                .toLowerCase(Locale.ROOT) + "; figures are signed off by the month: write it as 2026-10");
        }
        if (calendar.today().isBefore(period.until())) {
            throw new StateConflictException("period", period.label() + " runs until " + period.until().minusDays(1)
                    + "; it can be signed off from " + period.until());
        }
        ActivityTally now = counter.tally(area.code(), counter.byMunicipality(List.of(period)).get(period));
        SignOff signOff = new SignOff(area.code(), period.label(), planner.userId(), clock.instant(), now);
        signOffs.addUnlessSigned(signOff).ifPresent(earlier -> {
            throw new StateConflictException("period", period.label() + " was signed off for " + area.code() + " by "
                    + earlier.signedBy() + " at " + earlier.signedAt() + "; what arrives later shows as its late "
                    + "adjustment");
        });
        return report(area, period, publisher.publish(List.of(period)));
    }

    private PeriodReport report(TerritorialUnit area, ReportingPeriod period, PublishedPeriods published) {
        Optional<SignOff> signOff = published.signOff(period, area.code());
        if (signOff.isPresent()) {
            return new PeriodReport(area.code(), area.name(), period.label(), period.from(), period.until(),
                    Status.SIGNED_OFF, signOff.get().signedBy(), signOff.get().signedAt(),
                    published.approved(period, signOff.get()), published.adjustment(period, signOff.get()));
        }
        Status status = calendar.today().isBefore(period.until()) ? Status.IN_PROGRESS : Status.OPEN;
        return new PeriodReport(area.code(), area.name(), period.label(), period.from(), period.until(), status, null,
                null, published.now(period, area), null);
    }
}
