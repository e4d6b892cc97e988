package org.diasporadesk.reporting.outreach.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.events.outreach.ReplyRecorded;
import org.diasporadesk.reporting.outreach.application.ReplyFacts;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per reply, keyed by outreach's reply id; a reply is recorded once. */
@Repository
class MongoReplyFacts implements ReplyFacts, RebuildableProjection {

    static final String COLLECTION = "reply_facts";

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoReplyFacts(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record ReplyFactDocument(@Id String replyId, String campaignId, String municipalityCode, String channel,
            String kind, String answer, Integer question, Instant receivedAt, long sequence) {
    }

    @Override
    public boolean recorded(ReplyRecorded reply, long sequence) {
        return writer.replaceIfNewer(COLLECTION, reply.replyId(), sequence, new ReplyFactDocument(reply.replyId(),
                reply.campaignId(), reply.municipalityCode(), reply.channel(), reply.kind(), reply.answer(),
                reply.question(), reply.receivedAt(), sequence));
    }

    @Override
    public List<ReplyCount> countsWithin(Collection<String> municipalityCodes) {
        Aggregation counts = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("municipalityCode").in(municipalityCodes)),
                Aggregation.group("municipalityCode", "campaignId", "kind", "question", "answer").count().as("replies"));
        return mongo.aggregate(counts, COLLECTION, Document.class).getMappedResults().stream()
            .map(row -> {
                Document group = row.get("_id", Document.class);
                return new ReplyCount(group.getString("municipalityCode"), group.getString("campaignId"), group.getString("kind"), group.getString("answer"),
                        group.getInteger("question"), ((Number) row.get("replies")).longValue());
            })
            .toList();
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), COLLECTION);
    }
}
