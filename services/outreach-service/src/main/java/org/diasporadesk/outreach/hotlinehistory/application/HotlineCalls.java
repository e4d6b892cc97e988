package org.diasporadesk.outreach.hotlinehistory.application;

import java.util.Set;

/**
 * A segment criterion on hotline history: people who called the hotline (themselves, or a family member for
 * their household) about one of {@code topics} within the last {@code withinDays} days. No topics: about
 * anything the hotline shares with outreach (never emergencies or confidential topics).
 *
 * @param topics topic codes of the hotline's taxonomy ({@code GET /tickets/topics} on the hotline lists them)
 */
public record HotlineCalls(Set<String> topics, int withinDays) {

    /** The longest look back a segment may ask for; outreach keeps no contact older than this. */
    public static final int LONGEST_DAYS = 365;

    public HotlineCalls {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }
}
