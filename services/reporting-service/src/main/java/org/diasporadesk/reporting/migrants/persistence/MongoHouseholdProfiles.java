package org.diasporadesk.reporting.migrants.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.messaging.CompareAndSet;
import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.reporting.migrants.application.HouseholdProfile;
import org.diasporadesk.reporting.migrants.application.HouseholdProfiles;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
    public Map<String, HouseholdProfile> findAll(Collection<String> householdIds) {
        return mongo.find(new Query(Criteria.where("_id").in(householdIds)), HouseholdProfileDocument.class).stream()
            .map(MongoHouseholdProfiles::toProfile)
            .collect(Collectors.toMap(HouseholdProfile::householdId, Function.identity()));
    }

    /** New households are inserted, which the store does several times faster than it upserts. */
    @Override
    public void replaceAll(Map<String, HouseholdProfile> held, Collection<HouseholdProfile> next) {
        if (next.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, HouseholdProfileDocument.COLLECTION);
        for (HouseholdProfile profile : next) {
            HouseholdProfile before = held.get(profile.householdId());
            if (before == null) {
                bulk.insert(writer.toDocument(documentOf(profile)));
            }
            else {
                bulk.upsert(expecting(before), writer.fieldsOf(documentOf(profile)));
            }
        }
        try {
            bulk.execute();
        }
        catch (BulkOperationException ex) {
            throw new IllegalStateException(ex.getErrors().size() + " household profiles changed while they were "
                    + "replaced in bulk, first: " + ex.getErrors().get(0).getMessage(), ex);
        }
    }

    /** Matches the held profile only while it is still at the sequence read; otherwise the upsert collides. */
    private static Query expecting(HouseholdProfile held) {
        return CompareAndSet.expecting(held.householdId(), ProjectionWriter.SEQUENCE, held.sequence());
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), HouseholdProfileDocument.COLLECTION);
    }

    private static HouseholdProfileDocument documentOf(HouseholdProfile profile) {
        return new HouseholdProfileDocument(profile.householdId(), profile.sequence(), profile.municipalityCode(),
                profile.recordedOn(), profile.migrants());
    }

    private static HouseholdProfile toProfile(HouseholdProfileDocument document) {
        return new HouseholdProfile(document.householdId(), document.sequence(), document.municipalityCode(),
                document.recordedOn(), document.migrants());
    }
}
