package org.diasporadesk.reporting.outreach.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.events.outreach.MessageStatusChanged;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.reporting.outreach.application.MessageFacts;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One document per message, keyed by outreach's random message id, holding its latest status. Figures are
 * counted in the store (grouped by campaign, channel and status), so a campaign to a hundred thousand people
 * comes back as a handful of rows.
 */
@Repository
class MongoMessageFacts implements MessageFacts, RebuildableProjection {

    static final String COLLECTION = "message_facts";

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoMessageFacts(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record MessageFactDocument(@Id String messageId, String campaignId, String municipalityCode, String channel,
            String status, Instant changedAt, long sequence, PersonKind recipientKind) {
    }

    @Override
    public boolean statusChanged(MessageStatusChanged change, long sequence) {
        return writer.replaceIfNewer(COLLECTION, change.messageId(), sequence, new MessageFactDocument(
                change.messageId(), change.campaignId(), change.municipalityCode(), change.channel(), change.status(),
                change.changedAt(), sequence, PersonKind.orMigrant(change.recipientKind())));
    }

    @Override
    public List<MessageCount> countsWithin(Collection<String> municipalityCodes) {
        Aggregation counts = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("municipalityCode").in(municipalityCodes)),
                Aggregation.group("municipalityCode", "campaignId", "channel", "status", "recipientKind").count()
                    .as("messages"));
        return mongo.aggregate(counts, COLLECTION, Document.class).getMappedResults().stream()
            .map(row -> {
                Document group = row.get("_id", Document.class);
                String kind = group.getString("recipientKind");
                return new MessageCount(group.getString("municipalityCode"), group.getString("campaignId"),
                        group.getString("channel"), group.getString("status"),
                        kind == null ? PersonKind.MIGRANT : PersonKind.valueOf(kind),
                        ((Number) row.get("messages")).longValue());
            })
            .toList();
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), COLLECTION);
    }
}
