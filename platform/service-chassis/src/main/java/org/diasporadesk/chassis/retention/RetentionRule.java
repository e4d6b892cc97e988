package org.diasporadesk.chassis.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * One kind of data the retention schedule removes or anonymises once it is older than its period
 * (docs/operations.md, "Retention"). A service declares its rules as beans; {@link RetentionJob} applies them.
 */
public interface RetentionRule {

    /** The kind's name in the schedule and in {@code ddesk.retention.kept-for.<kind>}. */
    String kind();

    /** How long the data is kept when the configuration does not say. */
    Duration keptFor();

    /**
     * Removes or anonymises what is older than {@code cutoff}; applying it twice changes nothing more.
     *
     * @return how many records it changed
     */
    long applyBefore(Instant cutoff);
}
