package org.diasporadesk.reporting.migrants.persistence;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.diasporadesk.reporting.migrants.application.HouseholdProfile;
import org.diasporadesk.reporting.migrants.application.HouseholdProfiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoHouseholdProfiles implements HouseholdProfiles {

    private final MongoTemplate mongo;

    MongoHouseholdProfiles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * One conditional upsert: it matches only a held snapshot with a lower sequence. If a newer or equal one
     * is held, the upsert tries to insert a second document with the same id and the unique {@code _id}
     * index refuses it, atomically, on MongoDB and on the wire server alike.
     */
    @Override
    public boolean storeIfNewer(HouseholdProfile profile) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(profile.householdId())
            .and("sequence").lt(profile.sequence()));
        HouseholdProfileDocument document = new HouseholdProfileDocument(profile.householdId(), profile.sequence(),
                profile.municipalityCode(), profile.recordedOn(), profile.migrants(), profile.migrants().size());
        Document fields = new Document();
        mongo.getConverter().write(document, fields);
        fields.remove("_id");
        fields.remove("_class");
        Update replace = new Update();
        fields.forEach(replace::set);
        try {
            mongo.upsert(olderOrAbsent, replace, HouseholdProfileDocument.COLLECTION);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    @Override
    public Map<String, Counts> countsByMunicipality() {
        Aggregation countPerMunicipality = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("migrantCount").gt(0)),
                Aggregation.group("municipalityCode").sum("migrantCount").as("migrants").count().as("households"));
        Map<String, Counts> counts = new HashMap<>();
        for (Document row : mongo.aggregate(countPerMunicipality, HouseholdProfileDocument.COLLECTION, Document.class)) {
            counts.put(row.getString("_id"), new Counts(((Number) row.get("migrants")).longValue(),
                    ((Number) row.get("households")).longValue()));
        }
        return counts;
    }
}
