package org.diasporadesk.hotline.calls.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.hotline.calls.application.Calls;
import org.diasporadesk.hotline.calls.domain.Call;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Calls keyed by the telephony system's call id, so that a repeated event finds its call by primary key. */
@Repository
class MongoCalls implements Calls {

    private static final String COLLECTION = "calls";

    private final MongoTemplate mongo;

    MongoCalls(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record CallDocument(@Id String callId, String officeCode, String line, String caller, Call.Direction direction,
            Call.State state, Instant ringingAt, Instant answeredAt, Instant endedAt, String ticketId) {

        static CallDocument of(Call c) {
            return new CallDocument(c.callId(), c.officeCode(), c.line(), c.caller(), c.direction(), c.state(),
                    c.ringingAt(), c.answeredAt(), c.endedAt(), c.ticketId());
        }

        Call call() {
            return new Call(callId, officeCode, line, caller, direction, state, ringingAt, answeredAt, endedAt, ticketId);
        }
    }

    @Override
    public void save(Call call) {
        mongo.save(CallDocument.of(call));
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
    public void forgetCallers(Collection<String> ticketIds) {
        if (!ticketIds.isEmpty()) {
            mongo.updateMulti(new Query(Criteria.where("ticketId").in(ticketIds)), new Update().unset("caller"),
                    CallDocument.class);
        }
    }
}
