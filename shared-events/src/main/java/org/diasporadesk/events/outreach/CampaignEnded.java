package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign ended: COMPLETED when every message reached a final status, CANCELLED when a coordinator stopped
 * it (messages still waiting were withdrawn). Key: the campaign id.
 */
public record CampaignEnded(String campaignId, String ownerArea, String kind, String outcome, Instant endedAt)
        implements CampaignEvent {

    public CampaignEnded {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(ownerArea, "ownerArea");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
