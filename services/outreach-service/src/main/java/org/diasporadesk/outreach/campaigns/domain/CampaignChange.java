package org.diasporadesk.outreach.campaigns.domain;

import java.util.List;

import org.diasporadesk.events.outreach.CampaignEvent;

/** A campaign's new state with the events the change caused, written together in one document write. */
public record CampaignChange(Campaign campaign, List<CampaignEvent> events) {

    public CampaignChange {
        events = List.copyOf(events);
    }
}
