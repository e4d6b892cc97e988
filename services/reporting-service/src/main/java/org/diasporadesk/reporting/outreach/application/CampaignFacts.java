package org.diasporadesk.reporting.outreach.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.CampaignLaunched;
import org.diasporadesk.events.outreach.SessionRosterChanged;

/** Reporting's projection of campaigns (owner, kind, status) and of their training sessions' counts. */
public interface CampaignFacts {

    record CampaignFact(String campaignId, String ownerArea, String kind, String status) {
    }

    /**
     * A training session's latest counts; capacity is a property of the session, not of people. {@code byHome}: the
     * same counts by the people's home municipality and kind (empty for sessions counted before it was published).
     */
    record SessionFact(String campaignId, String sessionId, String ownerArea, int capacity, int enrolled, int waiting,
            int attended, List<SessionRosterChanged.HomeCount> byHome) {
    }

    /** @return false if skipped as a redelivery or overtaken by the campaign's end */
    boolean launched(CampaignLaunched launched, long sequence);

    /** @return false if skipped as a redelivery */
    boolean ended(CampaignEnded ended, long sequence);

    /** @return false if skipped as a redelivery or overtaken by later counts */
    boolean rosterChanged(SessionRosterChanged roster, long sequence);

    Map<String, CampaignFact> campaigns(Collection<String> campaignIds);

    /** Sessions of campaigns owned by one of these areas. */
    List<SessionFact> sessionsOwnedBy(Collection<String> areaCodes);
}
