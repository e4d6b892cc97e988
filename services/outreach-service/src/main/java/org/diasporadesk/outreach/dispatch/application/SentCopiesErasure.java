package org.diasporadesk.outreach.dispatch.application;

import org.diasporadesk.outreach.channels.ChannelGuard;
import org.diasporadesk.outreach.recipients.application.RecipientLeft;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A recipient the registry erased or merged away: the copies the channels keep on our side of what was sent to
 * them (the addresses and greetings with their name) go too. The messages themselves keep only ids and statuses.
 */
@Component
class SentCopiesErasure {

    private final MessageQueue queue;
    private final ChannelGuard channels;

    SentCopiesErasure(MessageQueue queue, ChannelGuard channels) {
        this.queue = queue;
        this.channels = channels;
    }

    @EventListener
    void on(RecipientLeft left) {
        if (left.forgotten()) {
            channels.forget(queue.idsFor(left.migrantId()));
        }
    }
}
