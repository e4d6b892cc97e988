package org.diasporadesk.registry.audit.persistence;

import java.time.Duration;
import java.time.Instant;

import org.diasporadesk.chassis.retention.RetentionRule;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who read whose record, when and why is kept five years, long enough for a complaint or an inspection to look
 * back on; entries hold no personal values, only staff ids, actions and record ids.
 */
@Component
class AuditRetention implements RetentionRule {

    private final MongoTemplate mongo;

    AuditRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String kind() {
        return "audit";
    }

    @Override
    public Duration keptFor() {
        return Duration.ofDays(5 * 365 + 1);
    }

    @Override
    public long applyBefore(Instant cutoff) {
        return mongo.remove(new Query(Criteria.where("at").lt(cutoff)), MongoAuditLog.COLLECTION).getDeletedCount();
    }
}
