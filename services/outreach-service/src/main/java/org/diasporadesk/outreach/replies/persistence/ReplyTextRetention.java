package org.diasporadesk.outreach.replies.persistence;

import java.time.Duration;
import java.time.Instant;

import org.diasporadesk.chassis.retention.RetentionRule;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What people wrote back is read by the coordinator while the campaign runs; after that only the answer counts.
 * The text goes after the schedule's period, the answer stays for the campaign's figures.
 */
@Component
class ReplyTextRetention implements RetentionRule {

    private final MongoTemplate mongo;

    ReplyTextRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String kind() {
        return "message-bodies";
    }

    @Override
    public Duration keptFor() {
        return Duration.ofDays(90);
    }

    @Override
    public long applyBefore(Instant cutoff) {
        return mongo.updateMulti(new Query(Criteria.where("reply.receivedAt").lt(cutoff).and("reply.text").ne(null)),
                new Update().unset("reply.text"), MongoReplies.COLLECTION).getModifiedCount();
    }
}
