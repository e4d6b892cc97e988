package org.diasporadesk.events.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.diasporadesk.events.registry.PersonKind;

/**
 * The counts of a training session after an enrolment, a cancellation or an attendance record: counts only,
 * never who. Key: the session id; the latest event per session holds its current figures.
 *
 * @param byHome the same counts by the people's home municipality and kind; empty in events written before it
 */
public record SessionRosterChanged(String campaignId, String sessionId, String ownerArea, int capacity, int enrolled,
        int waiting, int attended, Instant changedAt, List<HomeCount> byHome) implements CampaignEvent {

    public SessionRosterChanged {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(ownerArea, "ownerArea");
        Objects.requireNonNull(changedAt, "changedAt");
        byHome = List.copyOf(Objects.requireNonNullElse(byHome, List.of()));
    }

    /** A session's counts without the breakdown, as the first version of the contract had them. */
    public SessionRosterChanged(String campaignId, String sessionId, String ownerArea, int capacity, int enrolled,
            int waiting, int attended, Instant changedAt) {
        this(campaignId, sessionId, ownerArea, capacity, enrolled, waiting, attended, changedAt, List.of());
    }

    /** The enrolled, waiting and attending among the people of one kind whose home is one municipality. */
    public record HomeCount(String municipalityCode, PersonKind personKind, int enrolled, int waiting, int attended) {

        public HomeCount {
            Objects.requireNonNull(municipalityCode, "municipalityCode");
            Objects.requireNonNull(personKind, "personKind");
        }
    }
}
