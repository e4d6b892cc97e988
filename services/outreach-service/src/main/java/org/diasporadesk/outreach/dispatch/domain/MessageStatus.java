package org.diasporadesk.outreach.dispatch.domain;

/** Where a campaign message is. SENDING is internal (claimed by one dispatcher) and never published. */
public enum MessageStatus {
    QUEUED,
    SENDING,
    SENT,
    DELIVERED,
    FAILED,
    /** The recipient opted out, withdrew consent, was erased, or the campaign was cancelled before it went. */
    WITHDRAWN;

    /** Whether the dispatcher is done with it (a sent message may still be confirmed as delivered). */
    public boolean dispatched() {
        return this != QUEUED && this != SENDING;
    }
}
