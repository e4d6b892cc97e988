package org.diasporadesk.reporting.periods.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.diasporadesk.reporting.disclosure.LinkedTable;
import org.diasporadesk.reporting.disclosure.ProtectedTable;
import org.diasporadesk.reporting.disclosure.TerritoryTable;

/**
 * A calendar month's activity as it may be published, with its days, for every area at once. Each measure is one
 * linked table: the month's and each day's counts in every unit of the territory as they are now (a month is the sum
 * of its days), and for each area signed off for the month its approved counts and their late adjustments (now =
 * approved + adjustment, unit by unit). A reader who adds up the days, or differences a late adjustment against them,
 * meets one pattern that protects every withheld cell against all of it. The approved cells keep the pattern they were
 * given alone, so approved figures never change once signed. Weeks are not in it: see {@link PublishedPeriods}.
 */
final class PublishedMonth {

    static final String MIGRANTS = "migrantsRecorded";
    static final String HOUSEHOLDS = "householdsRecorded";
    static final String TICKETS = "ticketsOpened";
    static final Map<String, ToLongFunction<Activity>> MEASURES = measures();
    private static final String DAY = "DAY=";

    private final ReportingPeriod month;
    private final Map<String, SignOff> signOffs = new LinkedHashMap<>();
    private final Map<String, ProtectedTable> tables = new LinkedHashMap<>();

    /**
     * @param byDay   every day of the month, with the activity of each municipality that had any
     * @param signOffs the month's sign-offs
     */
    PublishedMonth(ReportingPeriod month, Map<LocalDate, Map<String, Activity>> byDay, List<SignOff> signOffs,
            Territory territory, ActivityCounter counter, DisclosurePolicy disclosure) {
        this.month = month;
        signOffs.forEach(signOff -> this.signOffs.put(signOff.area(), signOff));
        MEASURES.forEach((measure, count) -> tables.put(measure, disclosure.protect(
                table(measure, count, byDay, territory, counter, disclosure))));
    }

    ReportingPeriod month() {
        return month;
    }

    Optional<SignOff> signOff(String area) {
        return Optional.ofNullable(signOffs.get(area));
    }

    /** A unit's count of the measure in the month, as it is now. */
    Cell now(String measure, String unit) {
        return tables.get(measure).cell(TerritoryTable.key(nowName(measure), unit, TerritoryTable.TOTAL));
    }

    /** A unit's count of the measure on one of the month's days, as it is now. */
    Cell now(String measure, LocalDate day, String unit) {
        return tables.get(measure).cell(TerritoryTable.key(nowName(measure), unit, DAY + day));
    }

    Cell approved(String measure, SignOff signOff, String unit) {
        return tables.get(measure).cell(approvedKey(measure, signOff.area(), unit));
    }

    Cell adjustment(String measure, SignOff signOff, String unit) {
        return tables.get(measure).cell(adjustmentKey(measure, signOff.area(), unit));
    }

    private LinkedTable table(String measure, ToLongFunction<Activity> count,
            Map<LocalDate, Map<String, Activity>> byDay, Territory territory, ActivityCounter counter,
            DisclosurePolicy disclosure) {
        TerritoryTable counts = TerritoryTable.of(nowName(measure), territory).breakdown(TerritoryTable.TOTAL, DAY);
        Map<String, Activity> inMonth = new LinkedHashMap<>();
        byDay.forEach((day, municipalities) -> municipalities.forEach((municipality, activity) -> {
            long done = count.applyAsLong(activity);
            counts.add(municipality, TerritoryTable.TOTAL, done).add(municipality, DAY + day, done);
            inMonth.merge(municipality, activity, Activity::plus);
        }));
        LinkedTable.Builder table = counts.addTo(LinkedTable.builder("activity|" + measure + "|" + month.label()));
        for (SignOff signOff : signOffs.values()) {
            ActivityTally now = counter.tally(signOff.area(), inMonth);
            ProtectedTable approvedAlone = disclosure.protect(approvedTable(measure, count, signOff));
            List<String> units = List.copyOf(signOff.approved().below().keySet());
            for (String unit : Stream.concat(Stream.of(signOff.area()), units.stream()).toList()) {
                boolean isArea = unit.equals(signOff.area());
                long approved = count.applyAsLong(isArea ? signOff.approved().area()
                        : signOff.approved().below().get(unit));
                long current = count.applyAsLong(isArea ? now.area()
                        : now.below().getOrDefault(unit, Activity.NONE));
                String approvedKey = approvedKey(measure, signOff.area(), unit);
                String adjustmentKey = adjustmentKey(measure, signOff.area(), unit);
                String nowKey = TerritoryTable.key(nowName(measure), unit, TerritoryTable.TOTAL);
                table.cell(approvedKey, approved).signedCell(adjustmentKey, current - approved).cell(nowKey, 0)
                    .relation(nowKey, List.of(approvedKey, adjustmentKey));
                if (approvedAlone.cell(approvedKey).suppressed()) {
                    table.withheldBefore(approvedKey);
                } else {
                    table.shownBefore(approvedKey);
                }
            }
            if (!units.isEmpty()) {
                table.relation(approvedKey(measure, signOff.area(), signOff.area()),
                        units.stream().map(unit -> approvedKey(measure, signOff.area(), unit)).toList());
                table.relation(adjustmentKey(measure, signOff.area(), signOff.area()),
                        units.stream().map(unit -> adjustmentKey(measure, signOff.area(), unit)).toList());
            }
        }
        return table.build();
    }

    /** The approved counts alone: their pattern is decided once and kept. */
    private LinkedTable approvedTable(String measure, ToLongFunction<Activity> count, SignOff signOff) {
        LinkedTable.Builder table = LinkedTable.builder("approved|" + measure + "|" + month.label() + "|"
                + signOff.area());
        table.cell(approvedKey(measure, signOff.area(), signOff.area()), count.applyAsLong(signOff.approved().area()));
        signOff.approved().below().forEach((unit, activity) -> table.cell(approvedKey(measure, signOff.area(), unit),
                count.applyAsLong(activity)));
        if (!signOff.approved().below().isEmpty()) {
            table.relation(approvedKey(measure, signOff.area(), signOff.area()), signOff.approved().below().keySet()
                .stream().map(unit -> approvedKey(measure, signOff.area(), unit)).toList());
        }
        return table.build();
    }

    private String nowName(String measure) {
        return measure + "|" + month.label();
    }

    private String approvedKey(String measure, String area, String unit) {
        return "approved|" + measure + "|" + month.label() + "|" + area + "|" + unit;
    }

    private String adjustmentKey(String measure, String area, String unit) {
        return "adjustment|" + measure + "|" + month.label() + "|" + area + "|" + unit;
    }

    private static Map<String, ToLongFunction<Activity>> measures() {
        Map<String, ToLongFunction<Activity>> measures = new LinkedHashMap<>();
        measures.put(MIGRANTS, Activity::migrantsRecorded);
        measures.put(HOUSEHOLDS, Activity::householdsRecorded);
        measures.put(TICKETS, Activity::ticketsOpened);
        return measures;
    }
}
