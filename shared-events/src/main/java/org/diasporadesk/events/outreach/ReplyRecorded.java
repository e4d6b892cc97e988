package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.Objects;

/**
 * A recipient answered a campaign message. {@code answer} is one of the campaign's own answer options (YES,
 * NO, a survey choice) or null for free text, which stays in outreach; OPT_OUT means the reply was a stop
 * word. {@code question}: which question of a survey it answers (1 for the first, and for every other campaign;
 * null in replies recorded before surveys had several questions). Key: the reply id.
 */
public record ReplyRecorded(String replyId, String campaignId, String municipalityCode, String channel, String kind,
        String answer, Integer question, Instant receivedAt) implements CampaignEvent {

    public ReplyRecorded {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
