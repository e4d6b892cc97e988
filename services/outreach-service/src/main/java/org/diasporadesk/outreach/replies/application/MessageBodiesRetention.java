package org.diasporadesk.outreach.replies.application;

import java.time.Duration;
import java.time.Instant;

import org.diasporadesk.chassis.retention.RetentionRule;
import org.diasporadesk.outreach.channels.ChannelGuard;
import org.springframework.stereotype.Component;

/**
 * What was written to and by people, after the schedule's period: the text of their replies goes (the answer stays for
 * the campaign's figures), and so do the channels' copies of what was sent to them (addresses, greetings by name).
 * The coordinator reads both while the campaign runs; afterwards only the counts matter.
 */
@Component
class MessageBodiesRetention implements RetentionRule {

    private final Replies replies;
    private final ChannelGuard channels;

    MessageBodiesRetention(Replies replies, ChannelGuard channels) {
        this.replies = replies;
        this.channels = channels;
    }

    @Override
    public String kind() {
        return "message-bodies";
    }

    @Override
    public Duration keptFor() {
        return Duration.ofDays(90);
    }

    @Override
    public long applyBefore(Instant cutoff) {
        return replies.blankTextsBefore(cutoff) + channels.forgetSentBefore(cutoff);
    }
}
