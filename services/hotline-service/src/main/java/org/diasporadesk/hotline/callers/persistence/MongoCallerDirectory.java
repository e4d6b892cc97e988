package org.diasporadesk.hotline.callers.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.diasporadesk.hotline.callers.application.CallerDirectory;
import org.diasporadesk.hotline.callers.application.KnownCaller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Phone documents keyed by E.164 ({@code _id}), so that recognising a caller is a primary-key read while the phone
 * rings, however many numbers the office holds. Households' entries are replaced and only then are the
 * households marked applied, so a crash in between is repaired by the redelivery. A number
 * nobody is known at any more is deleted, not kept with an empty list: the key itself is the person's number.
 */
@Repository
class MongoCallerDirectory implements CallerDirectory {

    static final String PHONES = "caller_phones";
    static final String HOUSEHOLDS = "caller_households";

    private final MongoTemplate mongo;

    MongoCallerDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(PHONES)
    record PhoneEntry(@Id String phone, List<KnownCaller> callers) {
    }

    @Document(HOUSEHOLDS)
    record AppliedHousehold(@Id String householdId, long sequence, List<String> phones) {
    }

    /**
     * Four commands whatever the number of households, after one read of their applied versions: each number's
     * entries of these households pulled (one update of many), the new entries pushed (one bulk of upserts), numbers
     * nobody is known at any more deleted, and the households marked applied. Each step changes a number's document
     * in place, so an erasure applied meanwhile by another consumer is not undone by a stale copy.
     */
    @Override
    public Set<String> replaceHouseholds(List<HouseholdCallers> households) {
        if (households.isEmpty()) {
            return Set.of();
        }
        Map<String, HouseholdCallers> byId = new LinkedHashMap<>();
        households.forEach(household -> byId.put(household.householdId(), household));
        Map<String, AppliedHousehold> applied = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(byId.keySet())), AppliedHousehold.class)
            .forEach(household -> applied.put(household.householdId(), household));
        Set<String> skipped = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Map<String, List<KnownCaller>> added = new LinkedHashMap<>();
        for (HouseholdCallers household : byId.values()) {
            AppliedHousehold before = applied.get(household.householdId());
            if (before != null && before.sequence() >= household.sequence()) {
                skipped.add(household.householdId());
                continue;
            }
            if (before != null) {
                phones.addAll(before.phones());
            }
            household.callersByPhone().forEach((phone, callers) -> {
                phones.add(phone);
                added.computeIfAbsent(phone, key -> new ArrayList<>()).addAll(callers);
            });
        }
        Set<String> replaced = new LinkedHashSet<>(byId.keySet());
        replaced.removeAll(skipped);
        if (replaced.isEmpty()) {
            return skipped;
        }
        if (!phones.isEmpty()) {
            mongo.updateMulti(new Query(Criteria.where("_id").in(phones)), new Update().pull("callers",
                    new org.bson.Document("householdId", new org.bson.Document("$in", List.copyOf(replaced)))), PHONES);
        }
        if (!added.isEmpty()) {
            BulkOperations push = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PHONES);
            added.forEach((phone, callers) -> {
                Update add = new Update();
                add.push("callers").each(callers.toArray());
                push.upsert(new Query(Criteria.where("_id").is(phone)), add);
            });
            push.execute();
        }
        if (!phones.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(phones).and("callers").size(0)), PHONES);
        }
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AppliedHousehold.class);
        for (String householdId : replaced) {
            HouseholdCallers household = byId.get(householdId);
            marks.replaceOne(new Query(Criteria.where("_id").is(householdId)), new AppliedHousehold(householdId,
                    household.sequence(), List.copyOf(household.callersByPhone().keySet())),
                    FindAndReplaceOptions.options().upsert());
        }
        marks.execute();
        return skipped;
    }

    @Override
    public void erasePerson(String householdId, String personId) {
        AppliedHousehold applied = mongo.findById(householdId, AppliedHousehold.class);
        if (applied == null) {
            return;
        }
        for (String phone : applied.phones()) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(phone)),
                    new Update().pull("callers", new org.bson.Document("migrantId", personId)), PHONES);
            mongo.updateFirst(new Query(Criteria.where("_id").is(phone)),
                    new Update().pull("callers", new org.bson.Document("familyMemberId", personId)), PHONES);
            deleteIfNobodyLeft(phone);
        }
    }

    @Override
    public void eraseHousehold(String householdId) {
        AppliedHousehold applied = mongo.findById(householdId, AppliedHousehold.class);
        if (applied == null) {
            return;
        }
        for (String phone : applied.phones()) {
            removeHousehold(phone, householdId);
        }
        mongo.save(new AppliedHousehold(householdId, applied.sequence(), List.of()));
    }

    @Override
    public Map<String, KnownCaller> entriesOf(String householdId, String migrantId) {
        Map<String, KnownCaller> entries = new TreeMap<>();
        for (PhoneEntry entry : householdEntries(householdId)) {
            entry.callers().stream().filter(caller -> migrantId.equals(caller.migrantId())).findFirst()
                .ifPresent(caller -> entries.put(entry.phone(), caller));
        }
        return entries;
    }

    @Override
    public List<String> phonesOf(String householdId, String migrantId, boolean wholeHousehold) {
        return householdEntries(householdId).stream()
            .filter(entry -> entry.callers().stream().anyMatch(caller -> householdId.equals(caller.householdId())
                    && (wholeHousehold || migrantId.equals(caller.personId()))))
            .map(PhoneEntry::phone)
            .toList();
    }

    /** The phone documents of the numbers the household was last applied with: one read of each collection. */
    private List<PhoneEntry> householdEntries(String householdId) {
        AppliedHousehold applied = mongo.findById(householdId, AppliedHousehold.class);
        if (applied == null || applied.phones().isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(Criteria.where("_id").in(applied.phones())), PhoneEntry.class);
    }

    private void removeHousehold(String phone, String householdId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(phone)),
                new Update().pull("callers", new org.bson.Document("householdId", householdId)), PHONES);
        deleteIfNobodyLeft(phone);
    }

    private void deleteIfNobodyLeft(String phone) {
        mongo.remove(new Query(Criteria.where("_id").is(phone).and("callers").size(0)), PHONES);
    }

    @Override
    public List<KnownCaller> callersAt(String e164) {
        PhoneEntry entry = mongo.findById(e164, PhoneEntry.class);
        return entry == null ? List.of() : entry.callers();
    }
}
