package org.diasporadesk.outreach.recipients.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.outbox.OutboxWriter.Change;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.outreach.recipients.application.OptOuts;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per migrant who opted out, with the event for the registry in its outbox. A settled opt-out
 * is marked, not deleted, so that an event still pending in it is not lost.
 */
@Repository
class MongoOptOuts implements OptOuts {

    static final String COLLECTION = "opt_outs";

    private final MongoTemplate mongo;
    private final OutboxWriter writer;
    private final Clock clock;

    MongoOptOuts(MongoTemplate mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }

    @Document(COLLECTION)
    record OptOutDocument(@Id String migrantId, String householdId, String municipalityCode, Instant optedOutAt,
            boolean settled, Outbox outbox, long version) {
    }

    @Override
    public void record(RecipientOptedOut optOut) {
        OptOutDocument current = mongo.findById(optOut.migrantId(), OptOutDocument.class);
        if (current == null) {
            writer.insert(new NewAggregate<>(outbox -> new OptOutDocument(optOut.migrantId(), optOut.householdId(),
                    optOut.municipalityCode(), optOut.optedOutAt(), false, outbox, 0), optOut.migrantId(),
                    optOut.householdId(), optOut.municipalityCode(), List.of(optOut), clock.instant()), Lane.PERSON);
        } else if (!writer.update(new Change(new OptOutDocument(optOut.migrantId(), optOut.householdId(),
                optOut.municipalityCode(), optOut.optedOutAt(), false, null, 0), "version", current.version(),
                current.outbox(), optOut.migrantId(), optOut.householdId(), optOut.municipalityCode(),
                List.of(optOut)), Lane.PERSON)) {
            throw new OptimisticLockingFailureException("opt-out of " + optOut.migrantId() + " changed meanwhile");
        }
    }

    @Override
    public Set<String> pendingAmong(Collection<String> migrantIds) {
        if (migrantIds.isEmpty()) {
            return Set.of();
        }
        Query waiting = new Query(Criteria.where("_id").in(migrantIds).and("settled").is(false));
        waiting.fields().include("_id");
        return mongo.find(waiting, org.bson.Document.class, COLLECTION).stream()
            .map(found -> found.getString("_id"))
            .collect(Collectors.toSet());
    }

    @Override
    public void settle(String migrantId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(migrantId)), new Update().set("settled", true),
                OptOutDocument.class);
    }
}
