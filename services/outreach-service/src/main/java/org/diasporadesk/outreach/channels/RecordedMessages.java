package org.diasporadesk.outreach.channels;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Where the recording channels keep what they would have sent. */
public interface RecordedMessages {

    /** A message as a provider would have received it, under its idempotency key. */
    record RecordedMessage(String idempotencyKey, Channel channel, String address, String language, String subject,
            String body, Instant recordedAt) {
    }

    /** Keeps the message; false if one with its key was kept before (a retry). */
    boolean record(RecordedMessage message);

    void forget(Channel channel, Collection<String> idempotencyKeys);

    long forgetRecordedBefore(Channel channel, Instant cutoff);

    /** The latest recorded messages, newest first; {@code address} narrows to one recipient. */
    List<RecordedMessage> latest(String address, int limit);
}
