package org.diasporadesk.reporting.outreach.application;

import java.util.Collection;
import java.util.List;

import org.diasporadesk.events.outreach.MessageStatusChanged;

/** Reporting's projection of campaign messages: per message its campaign, channel, home municipality and status. */
public interface MessageFacts {

    /** @return false if skipped as a redelivery or overtaken by a later status */
    boolean statusChanged(MessageStatusChanged change, long sequence);

    /** How many messages to people of a municipality, of a campaign, on a channel, are in a status. */
    record MessageCount(String municipalityCode, String campaignId, String channel, String status, long messages) {
    }

    /** Counts of the messages to people whose home is in these municipalities. */
    List<MessageCount> countsWithin(Collection<String> municipalityCodes);
}
