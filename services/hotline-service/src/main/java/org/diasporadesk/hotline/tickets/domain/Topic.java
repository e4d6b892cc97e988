package org.diasporadesk.hotline.tickets.domain;

/**
 * A subject callers raise, from the office's configurable taxonomy. An {@code emergency} topic (abuse or
 * exploitation, missing person, death abroad, illegal recruitment in progress) makes a ticket high priority
 * from the start and escalates it at once.
 */
public record Topic(String code, String name, boolean emergency) {
}
