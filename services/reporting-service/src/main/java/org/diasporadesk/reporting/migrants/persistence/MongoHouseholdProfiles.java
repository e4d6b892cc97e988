package org.diasporadesk.reporting.migrants.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.reporting.migrants.application.HouseholdProfile;
import org.diasporadesk.reporting.migrants.application.HouseholdProfiles;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoHouseholdProfiles implements HouseholdProfiles, RebuildableProjection {

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoHouseholdProfiles(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @Override
    public Optional<HouseholdProfile> find(String householdId) {
        return Optional.ofNullable(mongo.findById(householdId, HouseholdProfileDocument.class))
            .map(MongoHouseholdProfiles::toProfile);
    }

    @Override
    public Map<String, HouseholdProfile> findAll(Collection<String> householdIds) {
        return mongo.find(new Query(Criteria.where("_id").in(householdIds)), HouseholdProfileDocument.class).stream()
            .map(MongoHouseholdProfiles::toProfile)
            .collect(Collectors.toMap(HouseholdProfile::householdId, Function.identity()));
    }

    @Override
    public boolean storeIfNewer(HouseholdProfile profile) {
        return writer.replaceIfNewer(HouseholdProfileDocument.COLLECTION, profile.householdId(), profile.sequence(),
                toDocument(profile));
    }

    @Override
    public void storeAllIfNewer(Collection<HouseholdProfile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, HouseholdProfileDocument.COLLECTION);
        for (HouseholdProfile profile : profiles) {
            Document fields = new Document();
            mongo.getConverter().write(toDocument(profile), fields);
            fields.remove("_id");
            fields.remove("_class");
            Update replace = new Update();
            fields.forEach(replace::set);
            bulk.upsert(new Query(Criteria.where("_id").is(profile.householdId())
                .and(ProjectionWriter.SEQUENCE).lt(profile.sequence())), replace);
        }
        BulkWrites.executeSkippingHeld(bulk);
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), HouseholdProfileDocument.COLLECTION);
    }

    private static HouseholdProfileDocument toDocument(HouseholdProfile profile) {
        return new HouseholdProfileDocument(profile.householdId(), profile.sequence(), profile.municipalityCode(),
                profile.recordedOn(), profile.migrants());
    }

    private static HouseholdProfile toProfile(HouseholdProfileDocument document) {
        return new HouseholdProfile(document.householdId(), document.sequence(), document.municipalityCode(),
                document.recordedOn(), document.migrants());
    }
}
