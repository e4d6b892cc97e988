package org.diasporadesk.reporting.periods.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.diasporadesk.reporting.periods.application.ReportingPeriod.Interval;
import org.springframework.stereotype.Service;

/**
 * Periods' activity as it may be published: the calendar months the periods lie in, each counted day by day for the
 * whole territory with its sign-offs.
 */
@Service
class PeriodPublisher {

    private final ActivityCounter counter;
    private final SignOffs signOffs;
    private final Territory territory;
    private final DisclosurePolicy disclosure;

    PeriodPublisher(ActivityCounter counter, SignOffs signOffs, Territory territory, DisclosurePolicy disclosure) {
        this.counter = counter;
        this.signOffs = signOffs;
        this.territory = territory;
        this.disclosure = disclosure;
    }

    /** @param periods consecutive, earliest first */
    PublishedPeriods publish(List<ReportingPeriod> periods) {
        Set<ReportingPeriod> months = new LinkedHashSet<>();
        periods.forEach(period -> months.addAll(PublishedPeriods.monthsOf(period)));
        List<ReportingPeriod> days = new ArrayList<>();
        months.forEach(month -> month.from().datesUntil(month.until())
            .forEach(day -> days.add(ReportingPeriod.containing(Interval.DAY, day))));
        Map<ReportingPeriod, Map<String, Activity>> activity = counter.byMunicipality(days);
        List<String> signable = territory.units().stream()
            .map(TerritorialUnit::code)
            .filter(code -> !territory.isLowestLevelUnit(code))
            .toList();
        Map<String, List<SignOff>> signed = signOffs.findAll(signable, months.stream().map(ReportingPeriod::label)
            .toList()).stream().collect(Collectors.groupingBy(SignOff::period));
        Map<YearMonth, PublishedMonth> published = new LinkedHashMap<>();
        for (ReportingPeriod month : months) {
            Map<LocalDate, Map<String, Activity>> byDay = new TreeMap<>();
            activity.forEach((day, municipalities) -> {
                if (month.contains(day.from())) {
                    byDay.put(day.from(), municipalities);
                }
            });
            published.put(YearMonth.from(month.from()), new PublishedMonth(month, byDay,
                    signed.getOrDefault(month.label(), List.of()), territory, counter, disclosure));
        }
        return new PublishedPeriods(published, territory);
    }
}
