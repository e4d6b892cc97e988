package org.diasporadesk.outreach.campaigns.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A message to those holding a place in a session of a training or event, some hours before it begins (two days
 * before, say), in their language. It goes for every session of the campaign; someone who gets a place after
 * its time, from the waiting list or enrolled late, still gets it while the session has not begun.
 *
 * @param templates per BCP 47 language, with the same placeholders and fallback language as the campaign's own
 */
public record SessionReminder(int hoursBefore, Map<String, MessageTemplate> templates) {

    public SessionReminder {
        templates = Map.copyOf(templates);
    }

    /** From its time until the session begins. */
    public boolean due(TrainingSession session, Instant now) {
        return !now.isBefore(session.startsAt().minus(Duration.ofHours(hoursBefore)))
                && now.isBefore(session.startsAt());
    }
}
