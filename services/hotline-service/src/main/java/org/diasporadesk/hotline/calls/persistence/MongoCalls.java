package org.diasporadesk.hotline.calls.persistence;

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
import org.diasporadesk.events.hotline.CallLogged;
import org.diasporadesk.hotline.calls.application.Calls;
import org.diasporadesk.hotline.calls.domain.Call;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Calls keyed by the telephony system's call id, so that a repeated event finds its call by primary key. */
@Repository
class MongoCalls implements Calls, InitializingBean {

    static final String COLLECTION = "calls";

    private final MongoTemplate mongo;

    private final OutboxWriter writer;
    private final Clock clock;

    MongoCalls(MongoTemplate mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * The caller's number is indexed for erasure, which reaches every call from the person's numbers; state and ringing
     * time for the agents' screens, which ask several times a second for the few calls not ended yet.
     */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("caller", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
            .on("ringingAt", Sort.Direction.ASC));
    }

    /** A call and its unpublished events in one document, written under its version. */
    @Document(COLLECTION)
    record CallDocument(@Id String callId, String officeCode, String line, String caller, Call.Direction direction,
            Call.State state, Instant ringingAt, Instant answeredAt, Instant endedAt, String ticketId, Outbox outbox,
            @Version Long version) {

        static CallDocument of(Call c, Outbox outbox, Long version) {
            return new CallDocument(c.callId(), c.officeCode(), c.line(), c.caller(), c.direction(), c.state(),
                    c.ringingAt(), c.answeredAt(), c.endedAt(), c.ticketId(), outbox, version);
        }

        Call call() {
            return new Call(callId, officeCode, line, caller, direction, state, ringingAt, answeredAt, endedAt, ticketId);
        }
    }

    /** A concurrent write of the same call fails with a conflict; the telephony system repeats its event. */
    @Override
    public void save(Call call, List<CallLogged> events) {
        CallDocument current = mongo.findById(call.callId(), CallDocument.class);
        if (current == null) {
            writer.insert(new NewAggregate<>(outbox -> CallDocument.of(call, outbox, null), call.callId(),
                    call.officeCode(), events, clock.instant()), Lane.PERSON);
        } else if (!writer.update(new Change(CallDocument.of(call, null, null), "version", current.version(),
                current.outbox(), call.callId(), call.officeCode(), events), Lane.PERSON)) {
            throw new OptimisticLockingFailureException("call " + call.callId() + " changed meanwhile");
        }
    }

    @Override
    public Optional<Call> find(String callId) {
        return Optional.ofNullable(mongo.findById(callId, CallDocument.class)).map(CallDocument::call);
    }

    @Override
    public List<Call> drafts(Collection<String> offices) {
        return mongo.find(new Query(Criteria.where("officeCode").in(offices).and("ticketId").isNull()
            .and("answeredAt").ne(null)).with(Sort.by("answeredAt")), CallDocument.class).stream()
            .map(CallDocument::call)
            .toList();
    }

    @Override
    public List<Call> inProgress(Collection<String> offices, Instant since) {
        return mongo.find(new Query(Criteria.where("state").in(Call.State.RINGING, Call.State.ANSWERED)
            .and("ringingAt").gte(since).and("officeCode").in(offices)).with(Sort.by("ringingAt")), CallDocument.class)
            .stream()
            .map(CallDocument::call)
            .toList();
    }

    @Override
    public List<Call> ofTicketsOrFrom(Collection<String> ticketIds, Collection<String> phones) {
        if (ticketIds.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(new Criteria().orOperator(Criteria.where("ticketId").in(ticketIds),
                Criteria.where("caller").in(phones))).with(Sort.by(Sort.Order.desc("ringingAt"))), CallDocument.class)
            .stream()
            .map(CallDocument::call)
            .toList();
    }

    @Override
    public long forgetUnticketedCallersBefore(Instant cutoff) {
        return mongo.updateMulti(new Query(Criteria.where("ticketId").isNull().and("endedAt").lt(cutoff)
            .and("caller").ne(null)), new Update().unset("caller"), CallDocument.class).getModifiedCount();
    }

    @Override
    public void forgetCallers(Collection<String> ticketIds, Collection<String> phones) {
        if (!ticketIds.isEmpty() || !phones.isEmpty()) {
            mongo.updateMulti(new Query(new Criteria().orOperator(Criteria.where("ticketId").in(ticketIds),
                    Criteria.where("caller").in(phones).and("ticketId").isNull())), new Update().unset("caller"), CallDocument.class);
        }
    }
}
