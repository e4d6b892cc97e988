package org.diasporadesk.outreach.dispatch.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.chassis.messaging.CompareAndSet;
import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.outbox.OutboxWriter.Change;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.application.MessageQueue;
import org.diasporadesk.outreach.dispatch.domain.MessageChange;
import org.diasporadesk.outreach.dispatch.domain.MessageStatus;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per message with its outbox. A campaign holds one message per recipient and occasion (its own
 * message, each reminder of each session, each further question of a survey): a unique index on (campaign,
 * migrant, occasion) makes queueing again skip what is there, after an interrupted launch or in the next
 * reminder round. Claiming is a conditional update from
 * QUEUED to SENDING, so two dispatchers never take the same message.
 */
@Repository
class MongoMessageQueue implements MessageQueue, InitializingBean {

    static final String COLLECTION = "messages";
    /** The occasion of a campaign's own message; a reminder's is its session and hours, a question's its number. */
    private static final String CAMPAIGN_MESSAGE = "campaign";

    private final MongoTemplate mongo;
    private final OutboxWriter writer;
    private final Clock clock;

    MongoMessageQueue(MongoTemplate mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }

    @Document(COLLECTION)
    record MessageDocument(@Id String id, String campaignId, String migrantId, String municipalityCode,
            Channel channel, MessageStatus status, Instant notBefore, int attempts, String providerId,
            String lastError, Instant queuedAt, Instant sentAt, OutreachMessage.Reminder reminder, Integer question,
            String occasion, Instant claimedUntil, Outbox outbox, long version, PersonKind recipientKind) {

        OutreachMessage message() {
            return new OutreachMessage(id, campaignId, migrantId, municipalityCode, channel, status, notBefore,
                    attempts, providerId, lastError, queuedAt, sentAt, reminder, question, recipientKind);
        }

        static MessageDocument of(OutreachMessage m, Instant claimedUntil, Outbox outbox, long version) {
            String occasion = m.reminder() != null
                    ? "reminder:" + m.reminder().sessionId() + ":" + m.reminder().hoursBefore() + "h"
                    : m.question() != null ? "question:" + m.question() : CAMPAIGN_MESSAGE;
            return new MessageDocument(m.id(), m.campaignId(), m.migrantId(), m.municipalityCode(), m.channel(),
                    m.status(), m.notBefore(), m.attempts(), m.providerId(), m.lastError(), m.queuedAt(), m.sentAt(),
                    m.reminder(), m.question(), occasion, claimedUntil, outbox, version, m.recipientKind());
        }
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("campaignId", Sort.Direction.ASC).on("migrantId", Sort.Direction.ASC)
            .on("occasion", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("notBefore", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("migrantId", Sort.Direction.ASC).on("sentAt", Sort.Direction.DESC));
    }

    @Override
    public int enqueue(List<MessageChange> queued) {
        if (queued.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        // A reminder round offers the same messages again and again: those already queued are skipped (and were
        // published when they were new). A campaign's messages are bulk work, behind people's writes.
        return writer.insertAll(queued.stream()
            .map(change -> new NewAggregate<>(outbox -> MessageDocument.of(change.message(), null, outbox, 0),
                    change.message().id(), change.message().municipalityCode(), change.events(), now))
            .toList(), Lane.BULK);
    }

    @Override
    public List<OutreachMessage> due(Instant now, int limit) {
        // Earliest first, so that a message that waited longest leaves first; MongoDB serves the sort and the limit
        // from the (status, notBefore) index.
        Query query = new Query(Criteria.where("status").is(MessageStatus.QUEUED.name()).and("notBefore").lte(now))
            .with(Sort.by("notBefore"))
            .limit(limit);
        query.fields().exclude(Outbox.FIELD);
        return mongo.find(query, MessageDocument.class).stream().map(MessageDocument::message).toList();
    }

    @Override
    public Optional<OutreachMessage> claim(String id, Instant claimedUntil) {
        MessageDocument claimed = mongo.findAndModify(
                CompareAndSet.expecting(id, "status", MessageStatus.QUEUED.name()),
                new Update().set("status", MessageStatus.SENDING.name()).set("claimedUntil", claimedUntil),
                FindAndModifyOptions.options().returnNew(true), MessageDocument.class);
        return Optional.ofNullable(claimed).map(MessageDocument::message);
    }

    @Override
    public void record(MessageChange change) {
        OutreachMessage message = change.message();
        MessageDocument current = mongo.findById(message.id(), MessageDocument.class);
        if (current == null) {
            writer.insert(new NewAggregate<>(outbox -> MessageDocument.of(message, null, outbox, 0), message.id(),
                    message.municipalityCode(), change.events(), clock.instant()), Lane.BULK);
            return;
        }
        // A message's status events are a campaign's bulk work: behind a coordinator's or a recipient's writes.
        if (!writer.update(new Change(MessageDocument.of(message, null, null, 0), "version", current.version(),
                current.outbox(), message.id(), message.municipalityCode(), change.events()), Lane.BULK)) {
            throw new OptimisticLockingFailureException("message " + message.id() + " changed meanwhile");
        }
    }

    @Override
    public int releaseExpiredClaims(Instant now) {
        return (int) mongo.updateMulti(new Query(Criteria.where("status").is(MessageStatus.SENDING.name())
                    .and("claimedUntil").lt(now)),
                new Update().set("status", MessageStatus.QUEUED.name()).unset("claimedUntil"), COLLECTION)
            .getModifiedCount();
    }

    @Override
    public boolean hasUndispatched(String campaignId) {
        // A find of one, which stops at the first match, rather than a count of them all.
        Query undispatched = new Query(Criteria.where("campaignId").is(campaignId).and("status")
            .in(MessageStatus.QUEUED.name(), MessageStatus.SENDING.name())).limit(1);
        undispatched.fields().include("_id");
        return !mongo.find(undispatched, org.bson.Document.class, COLLECTION).isEmpty();
    }

    @Override
    public long count(String campaignId) {
        return mongo.count(new Query(Criteria.where("campaignId").is(campaignId)), COLLECTION);
    }

    @Override
    public Map<MessageStatus, Long> countByStatus(String campaignId) {
        Aggregation perStatus = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("campaignId").is(campaignId)),
                Aggregation.group("status").count().as("messages"));
        Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
        for (org.bson.Document row : mongo.aggregate(perStatus, COLLECTION, org.bson.Document.class)) {
            MessageStatus status = MessageStatus.valueOf(row.getString("_id"));
            counts.merge(status == MessageStatus.SENDING ? MessageStatus.QUEUED : status,
                    ((Number) row.get("messages")).longValue(), Long::sum);
        }
        return counts;
    }

    @Override
    public void dueNow(String campaignId, Instant now) {
        mongo.updateMulti(new Query(Criteria.where("campaignId").is(campaignId).and("status")
            .is(MessageStatus.QUEUED.name())), new Update().set("notBefore", now), COLLECTION);
    }

    @Override
    public void dueNowFor(String migrantId, Instant now) {
        mongo.updateMulti(new Query(Criteria.where("migrantId").is(migrantId).and("status")
            .is(MessageStatus.QUEUED.name())), new Update().set("notBefore", now), COLLECTION);
    }

    @Override
    public List<OutreachMessage> ofMigrant(String migrantId) {
        return mongo.find(new Query(Criteria.where("migrantId").is(migrantId)).with(Sort.by(Sort.Order.desc("queuedAt"))),
                MessageDocument.class).stream().map(MessageDocument::message).toList();
    }

    @Override
    public List<String> idsFor(String migrantId) {
        Query query = new Query(Criteria.where("migrantId").is(migrantId));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(id -> id.getString("_id")).toList();
    }

    @Override
    public Optional<OutreachMessage> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MessageDocument.class)).map(MessageDocument::message);
    }

    @Override
    public List<OutreachMessage> ofCampaign(String campaignId, MessageStatus status, int limit) {
        Criteria criteria = Criteria.where("campaignId").is(campaignId);
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Order.asc("queuedAt"))).limit(limit);
        query.fields().exclude(Outbox.FIELD);
        return mongo.find(query, MessageDocument.class).stream().map(MessageDocument::message).toList();
    }

    @Override
    public Optional<OutreachMessage> lastSentTo(String migrantId) {
        Query query = new Query(Criteria.where("migrantId").is(migrantId).and("sentAt").ne(null))
            .with(Sort.by(Sort.Order.desc("sentAt"))).limit(1);
        return Optional.ofNullable(mongo.findOne(query, MessageDocument.class)).map(MessageDocument::message);
    }
}
