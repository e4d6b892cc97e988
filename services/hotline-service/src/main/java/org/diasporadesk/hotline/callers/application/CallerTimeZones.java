package org.diasporadesk.hotline.callers.application;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.ibm.icu.util.TimeZone;

import org.springframework.stereotype.Component;

/**
 * The time zone a caller lives in, from their country and city, so that the office calls back at a
 * reasonable hour. ICU4J knows the zones of each country (the JDK does not): a country with one zone answers
 * at once; in a country with several (Russia, the United States), the city must name its zone (Moscow,
 * New York); otherwise the zone stays unknown and the agent gives it.
 */
@Component
public class CallerTimeZones {

    /** @param country ISO 3166-1 alpha-2; {@code city} may be null */
    public Optional<String> of(String country, String city) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        List<String> zones = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION,
                country.toUpperCase(Locale.ROOT), null).stream().sorted().toList();
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
}
