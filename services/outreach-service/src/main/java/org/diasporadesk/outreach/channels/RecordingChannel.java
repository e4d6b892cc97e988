package org.diasporadesk.outreach.channels;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A channel that sends nothing and keeps what it would have sent, keyed by the idempotency key: the local
 * stack's default, so a newcomer sees every message a campaign produces ({@code GET /recorded-messages}).
 * Like a real provider it takes a key once: a retry with the same key is answered with the first id.
 */
public class RecordingChannel implements ChannelAdapter {

    static final String COLLECTION = "recorded_messages";

    private final Channel channel;
    private final MongoTemplate mongo;
    private final Clock clock;

    public RecordingChannel(Channel channel, MongoTemplate mongo, Clock clock) {
        this.channel = channel;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document(COLLECTION)
    public record RecordedMessage(@Id String idempotencyKey, Channel channel, String address, String language,
            String subject, String body, Instant recordedAt) {
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String send(OutgoingMessage message) {
        try {
            mongo.insert(new RecordedMessage(message.idempotencyKey(), channel, message.address(), message.language(),
                    message.subject(), message.body(), clock.instant()));
        }
        catch (DuplicateKeyException alreadyRecorded) {
            // A retry of a message recorded before: the provider contract is to accept it once.
        }
        return "recorded-" + message.idempotencyKey();
    }

    /** What was kept of an erased recipient's messages goes: the local stack's stand-in for a provider's log. */
    @Override
    public void forget(Collection<String> idempotencyKeys) {
        if (!idempotencyKeys.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(idempotencyKeys)).addCriteria(Criteria.where("channel")
                .is(channel)), RecordedMessage.class);
        }
    }

    @Override
    public long forgetSentBefore(Instant cutoff) {
        return mongo.remove(new Query(Criteria.where("recordedAt").lt(cutoff)
            .and("channel").is(channel)), RecordedMessage.class).getDeletedCount();
    }

    /** The latest recorded messages, newest first; {@code address} narrows to one recipient. */
    public static List<RecordedMessage> latest(MongoTemplate mongo, String address, int limit) {
        Query query = new Query(address == null ? new Criteria() : Criteria.where("address").is(address))
            .with(Sort.by(Sort.Order.desc("recordedAt"))).limit(limit);
        return mongo.find(query, RecordedMessage.class);
    }
}
