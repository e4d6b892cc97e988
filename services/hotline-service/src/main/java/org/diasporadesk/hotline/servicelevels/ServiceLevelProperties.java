package org.diasporadesk.hotline.servicelevels;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.diasporadesk.hotline.tickets.domain.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service levels: the targets per priority, in office time, and when offices work.
 *
 * @param targets     first response and resolution per priority, in office time ({@code 30m}, {@code 8h})
 * @param officeHours the calendar of every office without one of its own
 * @param offices     calendars of offices that differ, by municipality code
 * @param checkEvery  how often open tickets are checked for missed targets
 */
@ConfigurationProperties("ddesk.hotline.service-levels")
public record ServiceLevelProperties(Map<Priority, Target> targets, OfficeHours officeHours,
        @DefaultValue Map<String, OfficeHours> offices, @DefaultValue("60s") Duration checkEvery) {

    public record Target(Duration response, Duration resolution) {
    }

    /** As written in configuration: {@code zone: Asia/Tbilisi}, {@code opens: "09:00"}, holidays as dates. */
    public record OfficeHours(String zone, String opens, String closes, List<DayOfWeek> workingDays,
            @DefaultValue List<String> holidays) {

        OfficeCalendar calendar() {
            return new OfficeCalendar(ZoneId.of(zone), LocalTime.parse(opens), LocalTime.parse(closes),
                    new HashSet<>(workingDays), new HashSet<>(holidays.stream().map(LocalDate::parse).toList()));
        }
    }

    public ServiceLevelProperties {
        Objects.requireNonNull(targets, "ddesk.hotline.service-levels.targets");
        Objects.requireNonNull(officeHours, "ddesk.hotline.service-levels.office-hours");
    }
}
