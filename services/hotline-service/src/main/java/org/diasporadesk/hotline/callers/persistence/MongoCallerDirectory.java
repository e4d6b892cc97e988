package org.diasporadesk.hotline.callers.persistence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.diasporadesk.hotline.callers.application.CallerDirectory;
import org.diasporadesk.hotline.callers.application.KnownCaller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Phone documents keyed by E.164 ({@code _id}), so that recognising a caller is a primary-key read while the phone
 * rings, however many numbers the office holds. A household's entries are replaced phone by phone
 * and only then is the household marked applied, so a crash in between is repaired by the redelivery. A number
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

    @Override
    public boolean replaceHousehold(String householdId, long sequence, Map<String, List<KnownCaller>> callersByPhone) {
        AppliedHousehold applied = mongo.findById(householdId, AppliedHousehold.class);
        if (applied != null && applied.sequence() >= sequence) {
            return false;
        }
        if (applied != null) {
            for (String phone : applied.phones()) {
                removeHousehold(phone, householdId);
            }
        }
        callersByPhone.forEach((phone, callers) -> {
            removeHousehold(phone, householdId);
            Update add = new Update();
            add.push("callers").each(callers.toArray());
            mongo.upsert(new Query(Criteria.where("_id").is(phone)), add, PHONES);
        });
        mongo.save(new AppliedHousehold(householdId, sequence, List.copyOf(callersByPhone.keySet())));
        return true;
    }

    @Override
    public void eraseMigrant(String householdId, String migrantId) {
        AppliedHousehold applied = mongo.findById(householdId, AppliedHousehold.class);
        if (applied == null) {
            return;
        }
        for (String phone : applied.phones()) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(phone)),
                    new Update().pull("callers", new org.bson.Document("migrantId", migrantId)), PHONES);
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
                    && (wholeHousehold || migrantId.equals(caller.migrantId()))))
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
