package org.diasporadesk.reporting.periods.application;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.hotline.application.TicketFacts;
import org.diasporadesk.reporting.migrants.application.MigrantCounters;
import org.springframework.stereotype.Service;

/**
 * Counts the activity of consecutive periods in an area and its units below, from the projections as they are now.
 * Reads each projection once for the whole span, per office day and municipality, and sums the days into periods.
 */
@Service
public class ActivityCounter {

    private final MigrantCounters households;
    private final TicketFacts tickets;
    private final Territory territory;
    private final OfficeCalendar calendar;

    ActivityCounter(MigrantCounters households, TicketFacts tickets, Territory territory, OfficeCalendar calendar) {
        this.households = households;
        this.tickets = tickets;
        this.territory = territory;
        this.calendar = calendar;
    }

    /** @param periods consecutive, earliest first */
    public Map<ReportingPeriod, ActivityTally> count(String areaCode, List<ReportingPeriod> periods) {
        LocalDate from = periods.get(0).from();
        LocalDate until = periods.get(periods.size() - 1).until();
        Map<String, String> unitBelowOf = unitBelowOfEachMunicipality(areaCode);
        Map<LocalDate, Map<String, Activity>> byDay = new TreeMap<>();
        for (MigrantCounters.Recorded recorded : households.recordedBetween(from, until)) {
            add(byDay, recorded.day(), recorded.municipalityCode(), unitBelowOf,
                    new Activity(recorded.counts().migrants(), recorded.counts().households(), 0));
        }
        for (TicketFacts.Opened opened : tickets.openedBetween(calendar.startOf(from), calendar.startOf(until))) {
            add(byDay, calendar.dayOf(opened.openedAt()), opened.municipalityCode(), unitBelowOf,
                    new Activity(0, 0, 1));
        }
        List<String> below = territory.children(areaCode).stream().map(TerritorialUnit::code).toList();
        Map<ReportingPeriod, ActivityTally> tallies = new LinkedHashMap<>();
        for (ReportingPeriod period : periods) {
            Activity area = Activity.NONE;
            Map<String, Activity> perUnit = new LinkedHashMap<>();
            below.forEach(unit -> perUnit.put(unit, Activity.NONE));
            for (Map.Entry<LocalDate, Map<String, Activity>> day : byDay.entrySet()) {
                if (!period.contains(day.getKey())) {
                    continue;
                }
                for (Map.Entry<String, Activity> unit : day.getValue().entrySet()) {
                    area = area.plus(unit.getValue());
                    if (perUnit.containsKey(unit.getKey())) {
                        perUnit.merge(unit.getKey(), unit.getValue(), Activity::plus);
                    }
                }
            }
            tallies.put(period, new ActivityTally(area, perUnit));
        }
        return tallies;
    }

    /**
     * The activity of the day, filed under the unit below the area that holds the municipality (the municipality
     * itself when the area is one); activity outside the area is left out.
     */
    private static void add(Map<LocalDate, Map<String, Activity>> byDay, LocalDate day, String municipality,
            Map<String, String> unitBelowOf, Activity activity) {
        String unit = unitBelowOf.get(municipality);
        if (unit != null) {
            byDay.computeIfAbsent(day, ignored -> new HashMap<>()).merge(unit, activity, Activity::plus);
        }
    }

    private Map<String, String> unitBelowOfEachMunicipality(String areaCode) {
        Map<String, String> unitBelowOf = new HashMap<>();
        for (String municipality : territory.lowestLevelUnitsWithin(areaCode)) {
            unitBelowOf.put(municipality, municipality);
        }
        for (TerritorialUnit child : territory.children(areaCode)) {
            territory.lowestLevelUnitsWithin(child.code()).forEach(municipality -> unitBelowOf.put(municipality,
                    child.code()));
        }
        return unitBelowOf;
    }
}
