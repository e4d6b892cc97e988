package org.diasporadesk.chassis.messaging;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent projection writes for events that carry a sequence per aggregate: a document changes only if the
 * event's sequence is newer than the one it holds, so redelivered and overtaken events change nothing.
 *
 * <p>Each write is one conditional upsert on {@code {_id, sequence: {$lt: n}}}, served from the {@code _id} index:
 * it updates a document holding an older sequence, inserts a missing one, and collides on {@code _id} with one holding
 * the same or a newer sequence, which is how an event already applied is recognised. Atomic on its own, so concurrent
 * writers need neither a read first nor a transaction.
 */
public class ProjectionWriter {

    /** The field every projection document written here keeps its source sequence in. */
    public static final String SEQUENCE = "sequence";

    /** Reads and writes before giving up on a document that other writers keep changing. */
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;

    public ProjectionWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param document a mapped entity with an {@code @Id} and a {@code sequence} property
     * @return false if an equal or newer document was already held
     */
    public boolean replaceIfNewer(String collection, Object id, long sequence, Object document) {
        return writeIfNewer(collection, id, sequence, fieldsOf(document));
    }

    /**
     * Sets some fields of a projection document, only if the event's sequence is newer than what is held; the
     * same guard as {@link #replaceIfNewer}, for events that carry a change rather than a whole state.
     *
     * @return false if an equal or newer event was already applied
     */
    public boolean updateIfNewer(String collection, Object id, long sequence, Update fields) {
        return writeIfNewer(collection, id, sequence, fields);
    }

    /**
     * Every field of a mapped entity but its id, as the {@code $set} that replaces a held document's fields (or
     * fills a new one, in an upsert).
     */
    public Update fieldsOf(Object document) {
        Document fields = toDocument(document);
        fields.remove("_id");
        Update set = new Update();
        fields.forEach(set::set);
        return set;
    }

    /**
     * A mapped entity as a projection stores it, inserted or upserted alike: written through the template's
     * converter as a save would, without the type hint a save adds (a projection's collection holds one type, read
     * back as that type): 85 bytes of the about 590 of reporting's household profile.
     */
    public Document toDocument(Object entity) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        document.remove("_class");
        return document;
    }

    private boolean writeIfNewer(String collection, Object id, long sequence, Update fields) {
        fields.set(SEQUENCE, sequence);
        try {
            mongo.upsert(new Query(Criteria.where("_id").is(id).and(SEQUENCE).lt(sequence)), fields, collection);
            return true;
        }
        catch (DuplicateKeyException equalOrNewerHeld) {
            return false;
        }
    }
}
