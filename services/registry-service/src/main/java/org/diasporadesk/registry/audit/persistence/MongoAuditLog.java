package org.diasporadesk.registry.audit.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.diasporadesk.registry.audit.application.AuditEntry;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Append-only: entries are inserted, never updated; they are deleted only by age ({@link AuditRetention}). */
@Repository
class MongoAuditLog implements AuditTrail.AuditLog {

    static final String COLLECTION = "audit_entries";

    private final MongoTemplate mongo;

    MongoAuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void append(AuditEntry entry) {
        mongo.insert(entry, COLLECTION);
    }

    @Override
    public List<AuditEntry> find(String user, Instant since, int limit) {
        Criteria criteria = Criteria.where("at").gte(since);
        if (user != null && !user.isBlank()) {
            criteria = criteria.and("user").is(user);
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), AuditEntry.class,
                COLLECTION);
    }

    @Override
    public List<AuditEntry> findAbout(Collection<String> records, int limit) {
        return mongo.find(new Query(Criteria.where("records").in(records)).with(Sort.by(Sort.Direction.DESC, "at"))
            .limit(limit), AuditEntry.class, COLLECTION);
    }
}
