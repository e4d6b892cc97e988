package org.diasporadesk.reporting.outreach.application;

import java.util.Collection;
import java.util.List;

import org.diasporadesk.events.outreach.MessageStatusChanged;
import org.diasporadesk.events.registry.PersonKind;

/**
 * Reporting's projection of campaign messages: per message its campaign, channel, home municipality, kind of
 * recipient and status.
 */
public interface MessageFacts {

    /** @return false if skipped as a redelivery or overtaken by a later status */
    boolean statusChanged(MessageStatusChanged change, long sequence);

    /**
     * How many messages to people of a municipality, of a campaign, on a channel, are in a status; {@code recipientKind}
     * says whether they went to migrants or family members at home.
     */
    record MessageCount(String municipalityCode, String campaignId, String channel, String status,
            PersonKind recipientKind, long messages) {
    }

    /** Counts of the messages to people whose home is in these municipalities. */
    List<MessageCount> countsWithin(Collection<String> municipalityCodes);
}
