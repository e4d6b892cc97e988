package org.diasporadesk.reporting.hotline.application;

import java.time.Instant;

/**
 * What reporting knows of one hotline ticket: PII-free facts only.
 *
 * @param responseOfficeMinutes   office minutes from opening to the first response (the hotline's service-level
 *                                clock: its office's hours, waits left out), or null before it
 * @param resolutionOfficeMinutes office minutes from opening to the last resolution, or null while unresolved
 *                                (and for resolutions published before the hotline sent office minutes)
 * @param responseBreached   the first-response target of the ticket's priority was missed
 * @param resolutionBreached the resolution target was missed
 * @param referralOutcome    null if never referred; PENDING until the office records an outcome of its latest
 *                           referral, then that outcome
 */
public record TicketFact(String ticketId, String municipalityCode, String topic, String priority, String channel,
        String status, boolean emergency, Instant openedAt, Long responseOfficeMinutes, Long resolutionOfficeMinutes, boolean responseBreached,
        boolean resolutionBreached, String referralOutcome) {
}
