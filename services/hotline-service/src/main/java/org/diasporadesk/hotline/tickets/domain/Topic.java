package org.diasporadesk.hotline.tickets.domain;

/**
 * A subject callers raise, from the office's configurable taxonomy. An {@code emergency} topic (abuse or
 * exploitation, missing person, death abroad, illegal recruitment in progress) makes a ticket high priority
 * from the start and escalates it at once.
 *
 * @param confidential who calls about it stays with the hotline (health, for instance): outreach does not learn
 *                     of these calls; emergencies are always confidential
 */
public record Topic(String code, String name, boolean emergency, boolean confidential) {

    /** Whether outreach may learn that a registry person called about this topic, for its segments. */
    public boolean sharedWithOutreach() {
        return !emergency && !confidential;
    }
}
