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
 * Counts the activity of consecutive periods in every municipality, from the projections as they are now. Reads
 * each projection once for the whole span, per office day and municipality, and sums the days into periods.
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

    /**
     * @param periods consecutive, earliest first
     * @return per period, the activity of each municipality that had any
     */
    public Map<ReportingPeriod, Map<String, Activity>> byMunicipality(List<ReportingPeriod> periods) {
        LocalDate from = periods.get(0).from();
        LocalDate until = periods.get(periods.size() - 1).until();
        Map<LocalDate, Map<String, Activity>> byDay = new TreeMap<>();
        for (MigrantCounters.Recorded recorded : households.recordedBetween(from, until)) {
            add(byDay, recorded.day(), recorded.municipalityCode(),
                    new Activity(recorded.counts().migrants(), recorded.counts().households(), 0));
        }
        for (TicketFacts.Opened opened : tickets.openedBetween(calendar.startOf(from), calendar.startOf(until))) {
            add(byDay, calendar.dayOf(opened.openedAt()), opened.municipalityCode(), new Activity(0, 0, 1));
        }
        Map<ReportingPeriod, Map<String, Activity>> activity = new LinkedHashMap<>();
        for (ReportingPeriod period : periods) {
            Map<String, Activity> perMunicipality = new TreeMap<>();
            byDay.forEach((day, municipalities) -> {
                if (period.contains(day)) {
                    municipalities.forEach((municipality, done) -> perMunicipality.merge(municipality, done,
                            Activity::plus));
                }
            });
            activity.put(period, perMunicipality);
        }
        return activity;
    }

    /** The activity of an area and of each unit directly below it, in the territory file's order. */
    public ActivityTally tally(String areaCode, Map<String, Activity> byMunicipality) {
        Map<String, Activity> below = new LinkedHashMap<>();
        for (TerritorialUnit child : territory.children(areaCode)) {
            below.put(child.code(), within(child.code(), byMunicipality));
        }
        return new ActivityTally(within(areaCode, byMunicipality), below);
    }

    private Activity within(String areaCode, Map<String, Activity> byMunicipality) {
        return byMunicipality.entrySet().stream()
            .filter(entry -> territory.isWithin(entry.getKey(), areaCode))
            .map(Map.Entry::getValue)
            .reduce(Activity.NONE, Activity::plus);
    }

    private void add(Map<LocalDate, Map<String, Activity>> byDay, LocalDate day, String municipality,
            Activity activity) {
        if (territory.isLowestLevelUnit(municipality)) {
            byDay.computeIfAbsent(day, ignored -> new HashMap<>()).merge(municipality, activity, Activity::plus);
        }
    }
}
