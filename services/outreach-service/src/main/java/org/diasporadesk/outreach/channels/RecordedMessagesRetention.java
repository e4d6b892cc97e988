package org.diasporadesk.outreach.channels;

import java.time.Duration;
import java.time.Instant;

import org.diasporadesk.chassis.retention.RetentionRule;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The recording channel's copies of sent messages (addresses, greetings by name) go after the schedule's period. */
@Component
class RecordedMessagesRetention implements RetentionRule {

    private final MongoTemplate mongo;

    RecordedMessagesRetention(MongoTemplate mongo) {
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
        return mongo.remove(new Query(Criteria.where("recordedAt").lt(cutoff)), RecordingChannel.COLLECTION)
            .getDeletedCount();
    }
}
