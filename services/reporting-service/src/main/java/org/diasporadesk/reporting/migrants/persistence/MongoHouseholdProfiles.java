package org.diasporadesk.reporting.migrants.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.reporting.migrants.application.HouseholdProfile;
import org.diasporadesk.reporting.migrants.application.HouseholdProfiles;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoHouseholdProfiles implements HouseholdProfiles, RebuildableProjection {

    private static final String UNKNOWN = "UNKNOWN";

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoHouseholdProfiles(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @Override
    public boolean storeIfNewer(HouseholdProfile profile) {
        return writer.replaceIfNewer(HouseholdProfileDocument.COLLECTION, profile.householdId(), profile.sequence(),
                new HouseholdProfileDocument(profile.householdId(), profile.sequence(), profile.municipalityCode(),
                        profile.recordedOn(), profile.migrants(), profile.migrants().size()));
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

    @Override
    public Map<String, Long> migrantsBy(Dimension dimension, Collection<String> municipalityCodes) {
        String field = "migrants." + switch (dimension) {
            case DESTINATION_COUNTRY -> "destinationCountry";
            case SEX -> "sex";
            case AGE_BAND -> "ageBand";
            case LIFECYCLE_STAGE -> "lifecycleStage";
        };
        Aggregation perValue = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("municipalityCode").in(municipalityCodes)),
                Aggregation.unwind("migrants"),
                Aggregation.group(field).count().as("migrants"));
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(perValue, HouseholdProfileDocument.COLLECTION, Document.class)) {
            Object value = row.get("_id");
            counts.merge(value == null ? UNKNOWN : value.toString(), ((Number) row.get("migrants")).longValue(),
                    Long::sum);
        }
        return counts;
    }

    @Override
    public List<Recorded> recordedBetween(LocalDate from, LocalDate until) {
        Aggregation perDayAndMunicipality = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("recordedOn").gte(from).lt(until).and("migrantCount").gt(0)),
                Aggregation.group("recordedOn", "municipalityCode").sum("migrantCount").as("migrants").count()
                    .as("households"));
        return mongo.aggregate(perDayAndMunicipality, HouseholdProfileDocument.COLLECTION, Document.class)
            .getMappedResults().stream()
            .map(row -> {
                Document group = row.get("_id", Document.class);
                // Read back through the converter that wrote the day, so that both use the same zone.
                LocalDate day = mongo.getConverter().getConversionService().convert(group.get("recordedOn"),
                        LocalDate.class);
                return new Recorded(day, group.getString("municipalityCode"), new Counts(
                        ((Number) row.get("migrants")).longValue(), ((Number) row.get("households")).longValue()));
            })
            .toList();
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), HouseholdProfileDocument.COLLECTION);
    }
}
