package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

/**
 * A call on an office line ended: answered or missed, how long the caller waited, how long they talked.
 * PII-free (no numbers): published on {@link org.diasporadesk.events.Topic#HOTLINE_TICKETS}; the Kafka key and
 * CloudEvents subject is the telephony system's call id.
 *
 * @param ticketId the ticket opened from the call, or null (a missed call, or no ticket yet)
 */
public record CallLogged(String callId, String municipalityCode, String direction, boolean answered,
        long waitSeconds, long talkSeconds, Instant endedAt, String ticketId) implements HotlineEvent {

    public CallLogged {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
