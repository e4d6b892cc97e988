package org.diasporadesk.outreach.dispatch.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The hours in which nobody is sent a message, in the recipient's own time zone (default 21:00 to 09:00).
 * Where only the country is known and it spans several zones, the message waits until it is a sensible hour in
 * all of them.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    public boolean quiet(Instant instant, ZoneId zone) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return from.isAfter(until) ? !local.isBefore(from) || local.isBefore(until)
                : !local.isBefore(from) && local.isBefore(until);
    }

    /** {@code now} if it is not quiet in any of the zones, else the first instant after which it is not. */
    public Instant nextAllowed(Instant now, List<ZoneId> zones) {
        Instant candidate = now;
        // Each round moves to the end of the quiet hours of the latest zone still asleep; zones within one
        // country overlap in their waking hours, so this settles in a few rounds.
        for (int round = 0; round < zones.size() + 1; round++) {
            Instant latestEnd = candidate;
            for (ZoneId zone : zones) {
                if (quiet(candidate, zone)) {
                    Instant end = endOfQuiet(candidate, zone);
                    latestEnd = end.isAfter(latestEnd) ? end : latestEnd;
                }
            }
            if (latestEnd.equals(candidate)) {
                return candidate;
            }
            candidate = latestEnd;
        }
        return candidate;
    }

    private Instant endOfQuiet(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
