package org.diasporadesk.outreach.campaigns.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.outbox.OutboxWriter.Change;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
import org.diasporadesk.outreach.campaigns.application.CampaignStore;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignChange;
import org.diasporadesk.outreach.campaigns.domain.CampaignStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One document per campaign: the campaign and its outbox, replaced only if the stored version is the one the
 * change was made from (a compare-and-set in one write, safe with several instances).
 */
@Repository
class MongoCampaignStore implements CampaignStore {

    static final String COLLECTION = "campaigns";

    private final MongoTemplate mongo;
    private final OutboxWriter writer;
    private final Clock clock;

    MongoCampaignStore(MongoTemplate mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }


    @Document(COLLECTION)
    record CampaignDocument(@Id String id, Campaign campaign, long version, Outbox outbox) {
    }

    @Override
    public void insert(Campaign campaign) {
        writer.insert(new NewAggregate<>(outbox -> new CampaignDocument(campaign.id(), campaign.withVersion(0L), 0,
                outbox), campaign.id(), campaign.ownerArea(), List.of(), clock.instant()), Lane.PERSON);
    }

    @Override
    public Campaign update(CampaignChange change) {
        Campaign campaign = change.campaign();
        CampaignDocument current = mongo.findById(campaign.id(), CampaignDocument.class);
        if (current == null || campaign.version() == null || current.version() != campaign.version()) {
            throw new OptimisticLockingFailureException("campaign " + campaign.id() + " changed meanwhile");
        }
        Campaign next = campaign.withVersion(current.version() + 1);
        if (!writer.update(new Change(new CampaignDocument(campaign.id(), next, 0, null), "version",
                current.version(), current.outbox(), campaign.id(), campaign.ownerArea(), change.events()),
                Lane.PERSON)) {
            throw new OptimisticLockingFailureException("campaign " + campaign.id() + " changed meanwhile");
        }
        return next;
    }

    @Override
    public Optional<Campaign> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CampaignDocument.class)).map(CampaignDocument::campaign);
    }

    @Override
    public List<Campaign> dueToStart(Instant now) {
        return campaigns(new Query(Criteria.where("campaign.status").is(CampaignStatus.SCHEDULED.name())
            .and("campaign.startAt").lte(now)));
    }

    @Override
    public List<Campaign> running() {
        return campaigns(new Query(Criteria.where("campaign.status").is(CampaignStatus.RUNNING.name())));
    }

    @Override
    public List<Campaign> ownedBy(Collection<String> areaCodes) {
        return campaigns(new Query(Criteria.where("campaign.ownerArea").in(areaCodes))
            .with(Sort.by(Sort.Order.desc("campaign.createdAt"))));
    }

    private List<Campaign> campaigns(Query query) {
        return mongo.find(query, CampaignDocument.class).stream().map(CampaignDocument::campaign).toList();
    }
}
