package org.diasporadesk.outreach.recipients.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.Recipients;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

@Repository
class MongoRecipients implements Recipients {

    static final String COLLECTION = "recipients";

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoRecipients(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    record RecipientDocument(@Id String migrantId, String householdId, long sequence, String municipalityCode,
            String name, String preferredLanguage, String destinationCountry, String destinationCity,
            java.util.List<String> phones, String email) {
    }

    @Override
    public boolean storeIfNewer(Recipient r) {
        return writer.replaceIfNewer(COLLECTION, r.migrantId(), r.sequence(), new RecipientDocument(r.migrantId(),
                r.householdId(), r.sequence(), r.municipalityCode(), r.name(), r.preferredLanguage(),
                r.destinationCountry(), r.destinationCity(), r.phones(), r.email()));
    }

    @Override
    public Map<String, Long> countByLanguage(Collection<String> municipalityCodes) {
        Aggregation perLanguage = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("municipalityCode").in(municipalityCodes)),
                Aggregation.group("preferredLanguage").count().as("recipients"));
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(perLanguage, COLLECTION, Document.class)) {
            String language = row.getString("_id");
            counts.put(language == null ? "unknown" : language, ((Number) row.get("recipients")).longValue());
        }
        return counts;
    }
}
