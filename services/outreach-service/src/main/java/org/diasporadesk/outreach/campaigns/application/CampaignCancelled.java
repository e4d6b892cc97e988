package org.diasporadesk.outreach.campaigns.application;

/** In-process: a coordinator cancelled a campaign, so its waiting messages are to be withdrawn now. */
public record CampaignCancelled(String campaignId) {
}
