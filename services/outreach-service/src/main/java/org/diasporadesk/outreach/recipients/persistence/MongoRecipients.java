package org.diasporadesk.outreach.recipients.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.Recipients;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Recipient documents keyed by migrant id, and per household the sequence applied and the recipients it
 * holds, so that replacing a household deletes by primary key (fast on MongoDB and on the Mongo wire server,
 * which ignores secondary indexes). The household is marked applied last: a crash in between is repaired by
 * the redelivery.
 */
@Repository
class MongoRecipients implements Recipients {

    static final String COLLECTION = "recipients";
    static final String HOUSEHOLDS = "recipient_households";

    private final MongoTemplate mongo;

    MongoRecipients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record RecipientDocument(@Id String migrantId, String householdId, long sequence, String municipalityCode,
            String name, String preferredLanguage, String destinationCountry, String destinationCity,
            List<String> phones, String email) {
    }

    @org.springframework.data.mongodb.core.mapping.Document(HOUSEHOLDS)
    record AppliedHousehold(@Id String householdId, long sequence, List<String> migrantIds) {
    }

    @Override
    public boolean replaceHousehold(String householdId, long sequence, List<Recipient> recipients) {
        AppliedHousehold applied = mongo.findById(householdId, AppliedHousehold.class);
        if (applied != null && applied.sequence() >= sequence) {
            return false;
        }
        Set<String> kept = new HashSet<>();
        for (Recipient r : recipients) {
            kept.add(r.migrantId());
            mongo.save(new RecipientDocument(r.migrantId(), r.householdId(), r.sequence(), r.municipalityCode(), r.name(),
                    r.preferredLanguage(), r.destinationCountry(), r.destinationCity(), r.phones(), r.email()));
        }
        if (applied != null) {
            List<String> gone = applied.migrantIds().stream().filter(id -> !kept.contains(id)).toList();
            if (!gone.isEmpty()) {
                mongo.remove(new Query(Criteria.where("_id").in(gone)), COLLECTION);
            }
        }
        mongo.save(new AppliedHousehold(householdId, sequence, List.copyOf(kept)));
        return true;
    }

    @Override
    public Optional<Recipient> find(String migrantId) {
        RecipientDocument d = mongo.findById(migrantId, RecipientDocument.class);
        return Optional.ofNullable(d).map(r -> new Recipient(r.migrantId(), r.householdId(), r.sequence(),
                r.municipalityCode(), r.name(), r.preferredLanguage(), r.destinationCountry(), r.destinationCity(),
                r.phones(), r.email()));
    }

    @Override
    public void erase(String migrantId) {
        mongo.remove(new Query(Criteria.where("_id").is(migrantId)), COLLECTION);
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
