package org.diasporadesk.outreach.training.application;

import java.time.Instant;
import java.util.List;

/**
 * A session's roster as its coordinator reads it: who holds a place (and came), who waits, by name, so that
 * attendance can be taken at the door.
 *
 * @param version the roster's stored version
 */
public record RosterView(String sessionId, String campaignId, String ownerArea, Instant startsAt, int capacity,
        List<Place> enrolled, List<Waiting> waiting, long version) {

    /**
     * @param name     as outreach holds the recipient; null once they left it (erased, opted out)
     * @param attended null until attendance is taken
     */
    public record Place(String migrantId, String name, Instant enrolledAt, Boolean attended) {
    }

    public record Waiting(String migrantId, String name, Instant since) {
    }
}
