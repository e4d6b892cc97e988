package org.diasporadesk.reporting.periods.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.diasporadesk.reporting.disclosure.LinkedTable;
import org.diasporadesk.reporting.disclosure.ProtectedTable;
import org.diasporadesk.reporting.disclosure.TerritoryTable;
import org.diasporadesk.reporting.periods.application.PeriodFigures.Activities;
import org.diasporadesk.reporting.periods.application.PeriodFigures.UnitActivity;

/**
 * One period's activity as it may be published, for every area at once. Each measure is one linked table: the
 * period's counts in every unit of the territory as they are now, and for each area signed off for the period its
 * approved counts and their late adjustments (now = approved + adjustment, unit by unit). The approved cells keep
 * the pattern they were given alone, so approved figures never change once signed; the pattern of the rest then
 * protects every withheld cell against the sums of all three, so that no late adjustment can be differenced out.
 */
final class PublishedPeriod {

    private static final String MIGRANTS = "migrantsRecorded";
    private static final String HOUSEHOLDS = "householdsRecorded";
    private static final String TICKETS = "ticketsOpened";
    private static final Map<String, ToLongFunction<Activity>> MEASURES = measures();

    private final ReportingPeriod period;
    private final Territory territory;
    private final Map<String, SignOff> signOffs = new LinkedHashMap<>();
    private final Map<String, ProtectedTable> tables = new LinkedHashMap<>();

    PublishedPeriod(ReportingPeriod period, Map<String, Activity> byMunicipality, List<SignOff> signOffs,
            Territory territory, ActivityCounter counter, DisclosurePolicy disclosure) {
        this.period = period;
        this.territory = territory;
        signOffs.forEach(signOff -> this.signOffs.put(signOff.area(), signOff));
        MEASURES.forEach((measure, count) -> tables.put(measure, disclosure.protect(
                table(measure, count, byMunicipality, counter, disclosure))));
    }

    ReportingPeriod period() {
        return period;
    }

    Optional<SignOff> signOff(String area) {
        return Optional.ofNullable(signOffs.get(area));
    }

    /** The area and each unit directly below it, as counted now. */
    Activities now(TerritorialUnit area) {
        return activities(area.code(), territory.children(area.code()).stream().map(TerritorialUnit::code).toList(),
                (measure, unit) -> TerritoryTable.key(nowName(measure), unit, TerritoryTable.TOTAL));
    }

    Activities approved(SignOff signOff) {
        return activities(signOff.area(), List.copyOf(signOff.approved().below().keySet()),
                (measure, unit) -> approvedKey(measure, signOff.area(), unit));
    }

    Activities adjustment(SignOff signOff) {
        return activities(signOff.area(), List.copyOf(signOff.approved().below().keySet()),
                (measure, unit) -> adjustmentKey(measure, signOff.area(), unit));
    }

    static boolean hasWithheldCell(Activities activities) {
        return Stream.concat(
                Stream.of(activities.migrantsRecorded(), activities.householdsRecorded(),
                        activities.ticketsOpened()),
                activities.below().stream().flatMap(unit -> Stream.of(unit.migrantsRecorded(),
                        unit.householdsRecorded(), unit.ticketsOpened())))
            .anyMatch(Cell::suppressed);
    }

    private LinkedTable table(String measure, ToLongFunction<Activity> count, Map<String, Activity> byMunicipality,
            ActivityCounter counter, DisclosurePolicy disclosure) {
        TerritoryTable counts = TerritoryTable.of(nowName(measure), territory);
        byMunicipality.forEach((municipality, activity) -> counts.add(municipality, TerritoryTable.TOTAL,
                count.applyAsLong(activity)));
        LinkedTable.Builder table = counts.addTo(LinkedTable.builder("activity|" + measure + "|" + period.label()));
        for (SignOff signOff : signOffs.values()) {
            ActivityTally now = counter.tally(signOff.area(), byMunicipality);
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
        LinkedTable.Builder table = LinkedTable.builder("approved|" + measure + "|" + period.label() + "|"
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

    /** The key of a measure's cell for a unit. */
    private interface CellKey {
        String of(String measure, String unit);
    }

    private Activities activities(String area, List<String> units, CellKey key) {
        List<UnitActivity> below = new ArrayList<>();
        for (String unit : units) {
            below.add(new UnitActivity(unit, territory.unit(unit).map(TerritorialUnit::name).orElse(unit),
                    cell(MIGRANTS, key, unit), cell(HOUSEHOLDS, key, unit), cell(TICKETS, key, unit)));
        }
        return new Activities(cell(MIGRANTS, key, area), cell(HOUSEHOLDS, key, area), cell(TICKETS, key, area), below);
    }

    private Cell cell(String measure, CellKey key, String unit) {
        return tables.get(measure).cell(key.of(measure, unit));
    }

    private String nowName(String measure) {
        return measure + "|" + period.label();
    }

    private String approvedKey(String measure, String area, String unit) {
        return "approved|" + measure + "|" + period.label() + "|" + area + "|" + unit;
    }

    private String adjustmentKey(String measure, String area, String unit) {
        return "adjustment|" + measure + "|" + period.label() + "|" + area + "|" + unit;
    }

    private static Map<String, ToLongFunction<Activity>> measures() {
        Map<String, ToLongFunction<Activity>> measures = new LinkedHashMap<>();
        measures.put(MIGRANTS, Activity::migrantsRecorded);
        measures.put(HOUSEHOLDS, Activity::householdsRecorded);
        measures.put(TICKETS, Activity::ticketsOpened);
        return measures;
    }
}
