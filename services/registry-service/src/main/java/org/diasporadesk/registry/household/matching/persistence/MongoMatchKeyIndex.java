package org.diasporadesk.registry.household.matching.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.persistence.InsertNew;
import org.diasporadesk.registry.household.matching.application.MatchKeyIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per match key, the key as {@code _id}: both writes and lookups go by primary key, at any size.
 */
@Repository
class MongoMatchKeyIndex implements MatchKeyIndex {

    private final MongoTemplate mongo;

    MongoMatchKeyIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static final String COLLECTION = "match_keys";

    @Document(COLLECTION)
    record MatchKeyDocument(@Id String key, List<Holder> holders) {
    }

    @Override
    public void add(Collection<String> keys, Holder holder) {
        for (String key : keys) {
            mongo.upsert(new Query(Criteria.where("_id").is(key)), new Update().addToSet("holders", holder),
                    MatchKeyDocument.class);
        }
    }

    /**
     * Most keys of a batch are new (most people are registered once), so they go in as one unordered bulk
     * insert. Keys that exist already, or that a concurrent writer inserted first, fail with a duplicate
     * key error and are then added to with {@code $addToSet}, which also keeps a repeated import from adding a
     * holder twice.
     */
    @Override
    public void addAll(Map<String, List<Holder>> holdersByKey) {
        if (holdersByKey.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(holdersByKey.keySet());
        List<org.bson.Document> documents = keys.stream()
            .map(key -> new org.bson.Document("_id", key).append("holders",
                    holdersByKey.get(key).stream().distinct().map(MongoMatchKeyIndex::holderDocument).toList()))
            .toList();
        List<String> existing = InsertNew.insertNew(mongo.getCollection(COLLECTION), documents).stream()
            .map(keys::get).toList();
        if (!existing.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MatchKeyDocument.class);
            existing.forEach(key -> bulk.upsert(new Query(Criteria.where("_id").is(key)),
                    new Update().addToSet("holders").each(holdersByKey.get(key).toArray())));
            bulk.execute();
        }
    }

    /** The holder as the mapping writes it, field for field, so that {@code $addToSet} recognises it later. */
    private static org.bson.Document holderDocument(Holder holder) {
        return new org.bson.Document("migrantId", holder.migrantId()).append("householdId", holder.householdId())
            .append("municipalityCode", holder.municipalityCode());
    }

    /** A key document left without holders stays: it is a keyed hash that names no one, and cheap to keep. */
    @Override
    public void remove(Collection<String> keys, String migrantId) {
        if (keys.isEmpty()) {
            return;
        }
        mongo.updateMulti(new Query(Criteria.where("_id").in(keys)),
                new Update().pull("holders", new org.bson.Document("migrantId", migrantId)), MatchKeyDocument.class);
    }

    @Override
    public Map<String, List<Holder>> holders(Collection<String> keys) {
        Map<String, List<Holder>> found = new LinkedHashMap<>();
        for (MatchKeyDocument document : mongo.find(new Query(Criteria.where("_id").in(keys)), MatchKeyDocument.class)) {
            found.put(document.key(), document.holders());
        }
        return found;
    }
}
