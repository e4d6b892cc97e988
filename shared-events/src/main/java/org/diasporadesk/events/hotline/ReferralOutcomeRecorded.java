package org.diasporadesk.events.hotline;

import java.time.Instant;
import java.util.Objects;

/**
 * The office recorded what came of a referral. PII-free: published on
 * {@link org.diasporadesk.events.Topic#HOTLINE_TICKETS}.
 */
public record ReferralOutcomeRecorded(String ticketId, String municipalityCode, String topic, String referralId,
        String partnerKind, String outcome, Instant recordedAt) implements TicketEvent {

    public ReferralOutcomeRecorded {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(partnerKind, "partnerKind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
