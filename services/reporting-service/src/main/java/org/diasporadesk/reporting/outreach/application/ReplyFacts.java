package org.diasporadesk.reporting.outreach.application;

import java.util.Collection;
import java.util.List;

import org.diasporadesk.events.outreach.ReplyRecorded;

/** Reporting's projection of replies to campaigns: their kind and answer option, never their text. */
public interface ReplyFacts {

    /** @return false if skipped as a redelivery */
    boolean recorded(ReplyRecorded reply, long sequence);

    /**
     * How many replies from people of a municipality to a campaign were of a kind (ANSWER, OPT_OUT) and answer option
     * (null for free text).
     *
     * @param question of a survey, 1 for the campaign's own message; null if recorded before surveys had several
     */
    record ReplyCount(String municipalityCode, String campaignId, String kind, String answer, Integer question, long replies) {
    }

    List<ReplyCount> countsWithin(Collection<String> municipalityCodes);
}
