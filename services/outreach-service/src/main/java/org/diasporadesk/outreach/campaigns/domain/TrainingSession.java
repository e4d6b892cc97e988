package org.diasporadesk.outreach.campaigns.domain;

import java.time.Instant;

/** One date and place of a training or event, with the number of places. */
public record TrainingSession(String id, Instant startsAt, String place, int capacity) {
}
