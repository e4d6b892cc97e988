package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket missed a service-level target of its priority: no first response ({@code RESPONSE}) or no
 * resolution ({@code RESOLUTION}) within the target's office minutes, waits on the caller not counted. Raised
 * once per ticket and target. PII-free: published on {@link org.diasporadesk.events.Topic#HOTLINE_TICKETS}.
 */
public record TicketServiceLevelBreached(String ticketId, String municipalityCode, String topic, String priority,
        String target, long officeMinutes, Instant breachedAt) implements TicketEvent {

    public TicketServiceLevelBreached {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(breachedAt, "breachedAt");
    }
}
