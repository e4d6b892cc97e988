package org.diasporadesk.outreach.replies.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
import org.diasporadesk.events.outreach.ReplyRecorded;
import org.diasporadesk.outreach.replies.application.Replies;
import org.diasporadesk.outreach.replies.application.Reply;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per reply, with its event for reporting in its outbox. */
@Repository
class MongoReplies implements Replies {

    static final String COLLECTION = "replies";

    private final MongoTemplate mongo;
    private final OutboxWriter writer;
    private final Clock clock;

    MongoReplies(MongoTemplate mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record ReplyDocument(@Id String id, Reply reply, String campaignId, String migrantId, String answer,
            Outbox outbox) {
    }

    @Override
    public long blankTextsBefore(Instant cutoff) {
        return mongo.updateMulti(new Query(Criteria.where("reply.receivedAt").lt(cutoff).and("reply.text").ne(null)),
                new Update().unset("reply.text"), COLLECTION).getModifiedCount();
    }

    @Override
    public List<Reply> ofMigrant(String migrantId) {
        return mongo.find(new Query(Criteria.where("migrantId").is(migrantId)), ReplyDocument.class, COLLECTION)
            .stream().map(ReplyDocument::reply).toList();
    }

    @Override
    public void insert(Reply reply) {
        ReplyRecorded event = new ReplyRecorded(reply.id(), reply.campaignId(), reply.municipalityCode(),
                reply.channel().name(), reply.kind().name(), reply.answer(), reply.question(), reply.receivedAt());
        writer.insert(new NewAggregate<>(outbox -> new ReplyDocument(reply.id(), reply, reply.campaignId(),
                reply.migrantId(), countedAs(reply), outbox), reply.id(), reply.municipalityCode(), List.of(event),
                clock.instant()), Lane.PERSON);
    }

    /** "opt-out", or the answer option ("other" for free text), after "2:" and on for a survey's later questions. */
    private static String countedAs(Reply reply) {
        if (reply.kind() == Reply.Kind.OPT_OUT) {
            return "opt-out";
        }
        String answer = reply.answer() == null ? "other" : reply.answer();
        return reply.question() == null || reply.question() == 1 ? answer : reply.question() + ":" + answer;
    }

    @Override
    public Map<String, Long> countByAnswer(String campaignId) {
        Aggregation perAnswer = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("campaignId").is(campaignId)),
                Aggregation.group("answer").count().as("replies"));
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(perAnswer, COLLECTION, Document.class)) {
            counts.put(row.getString("_id"), ((Number) row.get("replies")).longValue());
        }
        return counts;
    }

    /** Keeps the reply's answer (it counts, and its event may still be pending) without the person or the text. */
    @Override
    public void forget(String migrantId) {
        mongo.updateMulti(new Query(Criteria.where("migrantId").is(migrantId)),
                new Update().unset("migrantId").unset("reply.migrantId").unset("reply.text"), COLLECTION);
    }
}
