package org.diasporadesk.outreach.hotlinehistory.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.diasporadesk.outreach.hotlinehistory.application.HotlineContact;
import org.diasporadesk.outreach.hotlinehistory.application.HotlineContacts;
import org.diasporadesk.outreach.recipients.application.RecipientFilter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per ticket, so that a redelivered contact collides on the primary key. Segments query by topic
 * and time.
 */
@Repository
class MongoHotlineContacts implements HotlineContacts, InitializingBean {

    static final String COLLECTION = "hotline_contacts";

    private final MongoTemplate mongo;

    MongoHotlineContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record ContactDocument(@Id String ticketId, String migrantId, String householdId, String topic,
            Instant contactedAt) {
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("topic", Sort.Direction.ASC).on("contactedAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("contactedAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("migrantId", Sort.Direction.ASC));
    }

    @Override
    public boolean record(HotlineContact contact) {
        try {
            mongo.insert(new ContactDocument(contact.ticketId(), contact.migrantId(), contact.householdId(),
                    contact.topic(), contact.contactedAt()));
            return true;
        }
        catch (DuplicateKeyException alreadyHeld) {
            return false;
        }
    }

    @Override
    public List<HotlineContact> of(String migrantId) {
        return mongo.find(new Query(Criteria.where("migrantId").is(migrantId)), ContactDocument.class).stream()
            .map(contact -> new HotlineContact(contact.ticketId(), contact.migrantId(), contact.householdId(),
                    contact.topic(), contact.contactedAt()))
            .toList();
    }

    @Override
    public RecipientFilter.Among callers(Set<String> topics, Instant since) {
        Criteria criteria = Criteria.where("contactedAt").gte(since);
        if (!topics.isEmpty()) {
            criteria = criteria.and("topic").in(topics);
        }
        Query query = new Query(criteria);
        query.fields().include("migrantId", "householdId");
        Set<String> migrants = new HashSet<>();
        Set<String> households = new HashSet<>();
        for (ContactDocument contact : mongo.find(query, ContactDocument.class)) {
            if (contact.migrantId() != null) {
                migrants.add(contact.migrantId());
            }
            else {
                households.add(contact.householdId());
            }
        }
        return new RecipientFilter.Among(migrants, households);
    }

    @Override
    public void reattach(String migrantId, String survivingMigrantId, String survivingHouseholdId) {
        mongo.updateMulti(new Query(Criteria.where("migrantId").is(migrantId)),
                new Update().set("migrantId", survivingMigrantId).set("householdId", survivingHouseholdId), COLLECTION);
    }

    @Override
    public void reattachHousehold(String householdId, String survivingHouseholdId) {
        mongo.updateMulti(new Query(Criteria.where("householdId").is(householdId).and("migrantId").isNull()),
                new Update().set("householdId", survivingHouseholdId), COLLECTION);
    }

    @Override
    public void forget(String migrantId) {
        mongo.remove(new Query(Criteria.where("migrantId").is(migrantId)), COLLECTION);
    }

    @Override
    public long forgetBefore(Instant time) {
        return mongo.remove(new Query(Criteria.where("contactedAt").lt(time)), COLLECTION).getDeletedCount();
    }
}
