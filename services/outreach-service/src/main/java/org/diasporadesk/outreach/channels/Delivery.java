package org.diasporadesk.outreach.channels;

import java.time.Duration;

/** What came of handing a message to a channel. */
public sealed interface Delivery {

    /** The provider took it. */
    record Sent(String providerId) implements Delivery {
    }

    /** The provider refused it for good. */
    record Refused(String reason) implements Delivery {
    }

    /** The provider failed this time; a retry may succeed. */
    record Failed(String reason) implements Delivery {
    }

    /** Not tried: the channel's circuit is open or its rate limit reached. Not a failed attempt. */
    record Deferred(Duration retryAfter, String reason) implements Delivery {
    }
}
