package org.diasporadesk.outreach.campaigns.domain;

/** A campaign's life cycle: draft, scheduled, running, then completed or cancelled. */
public enum CampaignStatus {
    /** Being prepared; nothing goes out. */
    DRAFT,
    /** Launched by a coordinator; its messages are queued at its start time. */
    SCHEDULED,
    /** Messages queued and going out. */
    RUNNING,
    /** Every message reached a final status and every session has begun. */
    COMPLETED,
    /** Stopped by a coordinator; messages still waiting are withdrawn. */
    CANCELLED;

    public boolean ended() {
        return this == COMPLETED || this == CANCELLED;
    }
}
