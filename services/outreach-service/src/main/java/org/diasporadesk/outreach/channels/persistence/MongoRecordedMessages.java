package org.diasporadesk.outreach.channels.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.channels.RecordedMessages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per message, the idempotency key as {@code _id}, so a retry collides with the first. */
@Repository
class MongoRecordedMessages implements RecordedMessages {

    static final String COLLECTION = "recorded_messages";

    private final MongoTemplate mongo;

    MongoRecordedMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record RecordedMessageDocument(@Id String idempotencyKey, Channel channel, String address, String language,
            String subject, String body, Instant recordedAt) {

        RecordedMessage message() {
            return new RecordedMessage(idempotencyKey, channel, address, language, subject, body, recordedAt);
        }
    }

    @Override
    public boolean record(RecordedMessage message) {
        try {
            mongo.insert(new RecordedMessageDocument(message.idempotencyKey(), message.channel(), message.address(),
                    message.language(), message.subject(), message.body(), message.recordedAt()));
            return true;
        }
        catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public void forget(Channel channel, Collection<String> idempotencyKeys) {
        mongo.remove(new Query(Criteria.where("_id").in(idempotencyKeys).and("channel").is(channel)),
                RecordedMessageDocument.class);
    }

    @Override
    public long forgetRecordedBefore(Channel channel, Instant cutoff) {
        return mongo.remove(new Query(Criteria.where("recordedAt").lt(cutoff).and("channel").is(channel)),
                RecordedMessageDocument.class).getDeletedCount();
    }

    @Override
    public List<RecordedMessage> latest(String address, int limit) {
        Query query = new Query(address == null ? new Criteria() : Criteria.where("address").is(address))
            .with(Sort.by(Sort.Order.desc("recordedAt"))).limit(limit);
        return mongo.find(query, RecordedMessageDocument.class).stream().map(RecordedMessageDocument::message)
            .toList();
    }
}
