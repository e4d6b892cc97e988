package org.diasporadesk.events.outreach;

import org.diasporadesk.events.EventPayload;

/**
 * Facts outreach publishes about its campaigns, messages, training sessions and replies: PII-free (campaign,
 * municipality, channel, status, counts), so that reporting can count reach, delivery and participation without
 * learning who was reached. Published on {@link org.diasporadesk.events.Topic#OUTREACH_CAMPAIGNS}.
 */
public sealed interface CampaignEvent extends EventPayload
        permits CampaignLaunched, CampaignEnded, MessageStatusChanged, SessionRosterChanged, ReplyRecorded {

    String campaignId();
}
