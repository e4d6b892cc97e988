package org.diasporadesk.outreach.replies.application;

import java.time.Instant;

import org.diasporadesk.outreach.channels.Channel;

/**
 * A reply to a campaign message. The text stays in outreach; what leaves it is the answer option, if any.
 *
 * @param answer   one of the answer options of the question it answers, or null for free text
 * @param question which question of a survey it answers (1 for the campaign's own message); null for an opt-out
 */
public record Reply(String id, String campaignId, String migrantId, String municipalityCode, Channel channel,
        String text, String answer, Kind kind, Integer question, Instant receivedAt) {

    public enum Kind { ANSWER, OPT_OUT }
}
