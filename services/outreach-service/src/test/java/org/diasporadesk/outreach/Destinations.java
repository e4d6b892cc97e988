package org.diasporadesk.outreach;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.diasporadesk.chassis.time.DestinationTimeZones;

/**
 * Destination countries chosen by the time of day the test runs at, so that quiet hours (21:00 to 09:00 where the
 * recipient lives) are tested with the real clock: one where it is the middle of the day and one where it is the
 * middle of the night, each at least an hour from the edge. Countries with a single time zone, spread around the
 * globe, so that both always exist.
 */
public final class Destinations {

    private static final List<String> SINGLE_ZONE_COUNTRIES = List.of("GE", "GR", "JP", "KR", "IN", "TH", "AE", "PK",
            "BD", "PH", "SG", "FJ", "WS", "GB", "IS", "NG", "SN", "CV", "PE", "CO", "VE", "UY", "JM", "CR", "GT",
            "PA", "CK", "NU", "IT", "TR", "AM", "AZ", "VN", "KE", "ZA", "PN", "GU", "SB");

    private static final DestinationTimeZones ZONES = new DestinationTimeZones();

    private Destinations() {
    }

    /** Between 10:00 and 19:59 there: a message goes at once. */
    public static String awake() {
        return firstWithLocalHourIn(10, 19);
    }

    /** Between 22:00 and 06:59 there: a message waits for 09:00. */
    public static String asleep() {
        return SINGLE_ZONE_COUNTRIES.stream()
            .filter(country -> ZONES.of(country, null).isPresent())
            .filter(country -> {
                int hour = Instant.now().atZone(zone(country)).getHour();
                return hour >= 22 || hour <= 6;
            })
            .findFirst().orElseThrow();
    }

    public static ZoneId zone(String country) {
        return ZoneId.of(ZONES.of(country, null).orElseThrow());
    }

    private static String firstWithLocalHourIn(int from, int to) {
        return SINGLE_ZONE_COUNTRIES.stream()
            .filter(country -> ZONES.of(country, null).isPresent())
            .filter(country -> {
                int hour = Instant.now().atZone(zone(country)).getHour();
                return hour >= from && hour <= to;
            })
            .findFirst().orElseThrow();
    }
}
