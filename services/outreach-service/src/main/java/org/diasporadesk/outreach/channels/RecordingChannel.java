package org.diasporadesk.outreach.channels;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import org.diasporadesk.outreach.channels.RecordedMessages.RecordedMessage;

/**
 * A channel that sends nothing and keeps what it would have sent, keyed by the idempotency key: the local
 * stack's default, so a newcomer sees every message a campaign produces ({@code GET /recorded-messages}).
 * Like a real provider it takes a key once: a retry with the same key is answered with the first id.
 */
public class RecordingChannel implements ChannelAdapter {

    private final Channel channel;
    private final RecordedMessages recorded;
    private final Clock clock;

    public RecordingChannel(Channel channel, RecordedMessages recorded, Clock clock) {
        this.channel = channel;
        this.recorded = recorded;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    /** A retry of a message recorded before is accepted once, as the provider contract says. */
    @Override
    public String send(OutgoingMessage message) {
        recorded.record(new RecordedMessage(message.idempotencyKey(), channel, message.address(), message.language(),
                message.subject(), message.body(), clock.instant()));
        return "recorded-" + message.idempotencyKey();
    }

    /** What was kept of an erased recipient's messages goes: the local stack's stand-in for a provider's log. */
    @Override
    public void forget(Collection<String> idempotencyKeys) {
        if (!idempotencyKeys.isEmpty()) {
            recorded.forget(channel, idempotencyKeys);
        }
    }

    @Override
    public long forgetSentBefore(Instant cutoff) {
        return recorded.forgetRecordedBefore(channel, cutoff);
    }
}
