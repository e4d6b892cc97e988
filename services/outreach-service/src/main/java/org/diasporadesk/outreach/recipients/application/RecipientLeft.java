package org.diasporadesk.outreach.recipients.application;

/**
 * In-process: a migrant is no longer a recipient (opted out, withdrew consent, erased, merged away). Their
 * waiting messages are withdrawn at once, not when their time comes. {@code forgotten}: the registry erased or
 * merged the person, so whatever else outreach holds about them (a place on a roster, reply texts) goes too.
 */
public record RecipientLeft(String migrantId, boolean forgotten) {
}
