package org.diasporadesk.outreach.hotlinehistory.application;

import java.time.Instant;

/**
 * A registry person's contact with the hotline as outreach keeps it: which ticket, who (a migrant, or only
 * their household when a family member called), about what and when. No number, no name, no notes.
 */
public record HotlineContact(String ticketId, String migrantId, String householdId, String topic,
        Instant contactedAt) {
}
