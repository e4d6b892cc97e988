package org.diasporadesk.chassis.time;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.ibm.icu.util.TimeZone;

/**
 * The time zone a migrant lives in, from their destination country and city, so that the hotline calls back
 * and outreach writes at a reasonable hour. ICU4J knows the zones of each country (the JDK does not): a country
 * with one zone answers at once; in a country with several (Russia, the United States), the city must name its
 * zone (Moscow, New York); otherwise the zone stays unknown and the caller decides what to do without it.
 */
public class DestinationTimeZones {

    /** @param country ISO 3166-1 alpha-2; {@code city} may be null */
    public Optional<String> of(String country, String city) {
        List<String> zones = allOf(country);
        if (zones.size() == 1) {
            return Optional.of(zones.get(0));
        }
        if (city == null || city.isBlank()) {
            return Optional.empty();
        }
        String wanted = city.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
        return zones.stream()
            .filter(zone -> zone.substring(zone.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(wanted))
            .findFirst();
    }

    /** Every canonical zone of the country, sorted; empty for an unknown or missing country. */
    public List<String> allOf(String country) {
        if (country == null || country.isBlank()) {
            return List.of();
        }
        return TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION,
                country.toUpperCase(Locale.ROOT), null).stream().sorted().toList();
    }
}
