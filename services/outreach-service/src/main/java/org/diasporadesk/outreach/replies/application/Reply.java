package org.diasporadesk.outreach.replies.application;

import java.time.Instant;

import org.diasporadesk.outreach.channels.Channel;

/**
 * A reply to a campaign message. The text stays in outreach; what leaves it is the answer option, if any.
 *
 * @param answer one of the campaign's answer options, or null for free text
 */
public record Reply(String id, String campaignId, String migrantId, String municipalityCode, Channel channel,
        String text, String answer, Kind kind, Instant receivedAt) {

    public enum Kind { ANSWER, OPT_OUT }
}
