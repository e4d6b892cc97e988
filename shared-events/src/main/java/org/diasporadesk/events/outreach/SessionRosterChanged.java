package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.Objects;

/**
 * The counts of a training session after an enrolment, a cancellation or an attendance record: counts only,
 * never who. Key: the session id; the latest event per session holds its current figures.
 */
public record SessionRosterChanged(String campaignId, String sessionId, String ownerArea, int capacity, int enrolled,
        int waiting, int attended, Instant changedAt) implements CampaignEvent {

    public SessionRosterChanged {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(ownerArea, "ownerArea");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
