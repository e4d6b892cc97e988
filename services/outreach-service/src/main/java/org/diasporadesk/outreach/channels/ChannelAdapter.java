package org.diasporadesk.outreach.channels;

import java.time.Instant;
import java.util.Collection;

/** The protocol side of one channel: hands a message to its provider. */
public interface ChannelAdapter {

    Channel channel();

    /**
     * @return the provider's id for the message
     * @throws ChannelException when the provider refused it or could not be reached
     */
    String send(OutgoingMessage message);

    /**
     * Deletes this side's copies of these messages (an erased recipient's). A provider's own copies are beyond our
     * reach and governed by its contract, so by default there is nothing to delete.
     */
    default void forget(Collection<String> idempotencyKeys) {
    }

    /** Deletes this side's copies of messages sent before {@code cutoff}; returns how many. */
    default long forgetSentBefore(Instant cutoff) {
        return 0;
    }
}
