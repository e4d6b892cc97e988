package org.diasporadesk.reporting.periods.application;

import java.time.Instant;

/**
 * A planner's approval of an area's figures for a period: the activity as it stood then, frozen.
 *
 * @param signedBy the planner's user id (staff, not a person the figures are about)
 */
public record SignOff(String area, String period, String signedBy, Instant signedAt, ActivityTally approved) {
}
