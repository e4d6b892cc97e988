package org.diasporadesk.reporting.periods.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.time.DestinationTimeZones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The offices' calendar days, which periods are made of: a ticket opened at 00:30 in Tbilisi belongs to that day,
 * not to the UTC day before. The zone is {@code ddesk.reporting.office-zone} ({@code REPORTING_OFFICE_ZONE}),
 * or else the territory's country's zone where it has only one (Georgia: Asia/Tbilisi), or else UTC.
 */
@Component
public class OfficeCalendar {

    private final ZoneId zone;
    private final Clock clock;

    OfficeCalendar(@Value("${ddesk.reporting.office-zone:}") String configuredZone, Territory territory,
            DestinationTimeZones zones, Clock clock) {
        List<String> countryZones = zones.allOf(territory.country());
        this.zone = !configuredZone.isBlank() ? ZoneId.of(configuredZone)
                : countryZones.size() == 1 ? ZoneId.of(countryZones.get(0)) : ZoneId.of("UTC");
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
