package org.diasporadesk.reporting.hotline.application;

import java.time.Instant;

/**
 * What reporting knows of one hotline ticket: PII-free facts only.
 *
 * @param resolutionMinutes wall-clock minutes from opening to the last resolution, or null while unresolved
 */
public record TicketFact(String ticketId, String municipalityCode, String topic, String priority, String channel,
        String status, boolean emergency, Instant openedAt, Long resolutionMinutes) {
}
