package org.diasporadesk.hotline.emergencies.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.diasporadesk.hotline.emergencies.application.AlertStore;
import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Collection {@code emergency_alerts}, one document per emergency ticket, keyed by the ticket's id. */
@Repository
class MongoAlertStore implements AlertStore, InitializingBean {

    private static final String COLLECTION = "emergency_alerts";

    private final MongoTemplate mongo;

    MongoAlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("officeCode", Sort.Direction.ASC)
            .on("openedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("officeNotifiedAt", Sort.Direction.ASC)
            .on("openedAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("acknowledgedAt", Sort.Direction.ASC)
            .on("escalatedAt", Sort.Direction.ASC).on("acknowledgeBy", Sort.Direction.ASC));
    }

    @Override
    public boolean insertIfAbsent(EmergencyAlert alert) {
        try {
            mongo.insert(toDocument(alert), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException raisedBefore) {
            return false;
        }
    }

    @Override
    public Optional<EmergencyAlert> find(String ticketId) {
        return Optional.ofNullable(mongo.findById(ticketId, Document.class, COLLECTION)).map(MongoAlertStore::toAlert);
    }

    @Override
    public List<EmergencyAlert> ofOffices(Collection<String> offices, Instant since) {
        return read(new Query(Criteria.where("officeCode").in(offices).and("openedAt").gte(Date.from(since)))
            .with(Sort.by(Sort.Direction.DESC, "openedAt")));
    }

    @Override
    public List<EmergencyAlert> notYetSent(int limit) {
        return read(new Query(Criteria.where("officeNotifiedAt").is(null)).with(Sort.by("openedAt")).limit(limit));
    }

    @Override
    public List<EmergencyAlert> escalationsDue(Instant now, int limit) {
        return read(new Query(Criteria.where("acknowledgedAt").is(null).and("escalatedAt").is(null)
            .and("acknowledgeBy").lte(Date.from(now))).with(Sort.by("acknowledgeBy")).limit(limit));
    }

    @Override
    public boolean markSent(String ticketId, Instant at) {
        return setIfNull(ticketId, Criteria.where("officeNotifiedAt").is(null),
                new Update().set("officeNotifiedAt", Date.from(at)));
    }

    @Override
    public void unmarkSent(String ticketId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ticketId)), new Update().set("officeNotifiedAt", null),
                COLLECTION);
    }

    @Override
    public boolean acknowledge(String ticketId, String supervisor, Instant at) {
        return setIfNull(ticketId, Criteria.where("acknowledgedAt").is(null),
                new Update().set("acknowledgedAt", Date.from(at)).set("acknowledgedBy", supervisor));
    }

    @Override
    public boolean markEscalated(String ticketId, Instant at) {
        return setIfNull(ticketId, Criteria.where("escalatedAt").is(null).and("acknowledgedAt").is(null),
                new Update().set("escalatedAt", Date.from(at)));
    }

    @Override
    public void unmarkEscalated(String ticketId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ticketId)), new Update().set("escalatedAt", null),
                COLLECTION);
    }

    private boolean setIfNull(String ticketId, Criteria unchanged, Update update) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(ticketId)).addCriteria(unchanged), update,
                COLLECTION).getModifiedCount() == 1;
    }

    private List<EmergencyAlert> read(Query query) {
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAlertStore::toAlert).toList();
    }

    private static Document toDocument(EmergencyAlert alert) {
        return new Document("_id", alert.ticketId())
            .append("officeCode", alert.officeCode())
            .append("topic", alert.topic())
            .append("topicName", alert.topicName())
            .append("openedAt", date(alert.openedAt()))
            .append("acknowledgeBy", date(alert.acknowledgeBy()))
            .append("officeNotifiedAt", date(alert.officeNotifiedAt()))
            .append("acknowledgedBy", alert.acknowledgedBy())
            .append("acknowledgedAt", date(alert.acknowledgedAt()))
            .append("escalatedAt", date(alert.escalatedAt()));
    }

    private static EmergencyAlert toAlert(Document document) {
        return new EmergencyAlert(document.getString("_id"), document.getString("officeCode"),
                document.getString("topic"), document.getString("topicName"), instant(document, "openedAt"),
                instant(document, "acknowledgeBy"), instant(document, "officeNotifiedAt"),
                document.getString("acknowledgedBy"), instant(document, "acknowledgedAt"),
                instant(document, "escalatedAt"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
