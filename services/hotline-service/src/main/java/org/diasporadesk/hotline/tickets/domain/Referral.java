package org.diasporadesk.hotline.tickets.domain;

import java.time.Instant;

/**
 * A ticket handed to a partner organisation, and what came of it. The partner's name and kind are copied, so
 * that the referral reads the same after the partner list changes.
 *
 * @param reason  what the partner is asked to do; personal data, erased with the caller
 * @param outcome null until the office records it
 */
public record Referral(String id, String partnerId, String partnerName, String partnerKind, Instant referredAt,
        String referredBy, String reason, Outcome outcome, String outcomeNote, Instant outcomeAt) {

    public enum Outcome {
        HELPED, DECLINED, NO_RESPONSE, REFERRED_ON
    }

    Referral withOutcome(Outcome result, String note, Instant at) {
        return new Referral(id, partnerId, partnerName, partnerKind, referredAt, referredBy, reason, result, note, at);
    }

    Referral withoutPersonalData() {
        return new Referral(id, partnerId, partnerName, partnerKind, referredAt, referredBy,
                reason == null ? null : "[erased]", outcome, outcomeNote == null ? null : "[erased]", outcomeAt);
    }
}
