package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign started: its messages are queued, one per recipient of its segment. Key: the campaign id.
 *
 * @param ownerArea  the municipality or region that runs it
 * @param kind       TRAINING, INFORMATION, EVENT or SURVEY
 * @param recipients how many messages were queued
 */
public record CampaignLaunched(String campaignId, String ownerArea, String kind, long recipients, Instant launchedAt)
        implements CampaignEvent {

    public CampaignLaunched {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(ownerArea, "ownerArea");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(launchedAt, "launchedAt");
    }
}
