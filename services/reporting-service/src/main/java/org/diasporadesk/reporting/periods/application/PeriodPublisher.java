package org.diasporadesk.reporting.periods.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.springframework.stereotype.Service;

/** Periods' activity as it may be published, counted for the whole territory with every sign-off of the periods. */
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
    Map<ReportingPeriod, PublishedPeriod> publish(List<ReportingPeriod> periods) {
        Map<ReportingPeriod, Map<String, Activity>> activity = counter.byMunicipality(periods);
        List<String> signable = territory.units().stream()
            .map(TerritorialUnit::code)
            .filter(code -> !territory.isLowestLevelUnit(code))
            .toList();
        Map<String, List<SignOff>> signed = signOffs.findAll(signable, periods.stream().map(ReportingPeriod::label)
            .toList()).stream().collect(Collectors.groupingBy(SignOff::period));
        Map<ReportingPeriod, PublishedPeriod> published = new LinkedHashMap<>();
        for (ReportingPeriod period : periods) {
            published.put(period, new PublishedPeriod(period, activity.get(period),
                    signed.getOrDefault(period.label(), List.of()), territory, counter, disclosure));
        }
        return published;
    }
}
