package org.diasporadesk.outreach.channels;

/**
 * A provider did not take a message. {@code permanent}: it never will (a malformed address); otherwise it may
 * later (a timeout, a 5xx, a connection refused), and it counts against the channel's circuit breaker.
 */
public class ChannelException extends RuntimeException {

    private final boolean permanent;

    public ChannelException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
