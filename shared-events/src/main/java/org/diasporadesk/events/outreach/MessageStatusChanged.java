package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.Objects;

import org.diasporadesk.events.registry.PersonKind;

/**
 * One campaign message reached a new status: QUEUED, SENT, DELIVERED, FAILED, or WITHDRAWN (the recipient
 * opted out, withdrew consent or was erased before it went). The message id is random and names nobody; the
 * municipality is the recipient's home municipality. Key: the message id, so its statuses arrive in order.
 *
 * @param recipientKind a migrant or a family member at home; null in events written before families were reached
 */
public record MessageStatusChanged(String messageId, String campaignId, String municipalityCode, String channel,
        String status, Instant changedAt, PersonKind recipientKind) implements CampaignEvent {

    public MessageStatusChanged {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A status of a message to a migrant, as the first version of the contract had it. */
    public MessageStatusChanged(String messageId, String campaignId, String municipalityCode, String channel,
            String status, Instant changedAt) {
        this(messageId, campaignId, municipalityCode, channel, status, changedAt, null);
    }
}
