package org.diasporadesk.outreach.campaigns.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignChange;

/** Campaigns with their outbox. */
public interface CampaignStore {

    void insert(Campaign campaign);

    /**
     * Writes the change if the campaign is still at the version it was read at.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it changed meanwhile
     */
    Campaign update(CampaignChange change);

    Optional<Campaign> find(String id);

    /** Scheduled campaigns whose start time has come. */
    List<Campaign> dueToStart(Instant now);

    List<Campaign> running();

    /** Campaigns owned by one of these areas, newest first. */
    List<Campaign> ownedBy(Collection<String> areaCodes);
}
