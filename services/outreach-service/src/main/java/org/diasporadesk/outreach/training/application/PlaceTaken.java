package org.diasporadesk.outreach.training.application;

/**
 * In-process: someone took a place in a session (by enrolling, or from the waiting list). A reminder already due for
 * the session goes to them now rather than in the next round, which may come after the session has begun.
 */
public record PlaceTaken(String campaignId, String sessionId) {
}
