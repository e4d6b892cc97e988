package org.diasporadesk.outreach.campaigns.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a launched campaign starts: at launch (both null), at a time, or some hours before its first session
 * (a reminder 48 hours before a training).
 */
public record Schedule(Instant at, Integer hoursBeforeFirstSession) {

    public static Schedule atLaunch() {
        return new Schedule(null, null);
    }

    /** The start time, never before {@code now}. */
    Instant startAt(Instant now, Instant firstSession) {
        Instant start = at != null ? at
                : hoursBeforeFirstSession != null && firstSession != null
                        ? firstSession.minus(Duration.ofHours(hoursBeforeFirstSession)) : now;
        return start.isBefore(now) ? now : start;
    }
}
