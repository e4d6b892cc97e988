package org.diasporadesk.chassis.messaging;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent projection writes for snapshot events (an event that carries an aggregate's whole current
 * state for the projection): keep the document only if its sequence is newer than what is held.
 *
 * <p>One conditional upsert does it: the query matches only a held document with a lower {@value #SEQUENCE}.
 * If an equal or newer one is held, the upsert tries to insert a second document with the same id and the
 * unique {@code _id} index refuses it, atomically, on MongoDB and on the Mongo wire server alike (neither
 * needs a transaction). Redelivered and overtaken events therefore change nothing.
 */
public class ProjectionWriter {

    /** The field every projection document written here keeps its source sequence in. */
    public static final String SEQUENCE = "sequence";

    private final MongoTemplate mongo;

    public ProjectionWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param document a mapped entity with an {@code @Id} and a {@code sequence} property
     * @return false if an equal or newer document was already held
     */
    public boolean replaceIfNewer(String collection, Object id, long sequence, Object document) {
        Update replace = fieldsOf(document).set(SEQUENCE, sequence);
        try {
            mongo.upsert(new Query(Criteria.where("_id").is(id).and(SEQUENCE).lt(sequence)), replace, collection);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Every field of a mapped entity but its id, as the {@code $set} that replaces a held document's fields (or
     * fills a new one, in an upsert), written through the template's converter as a save would.
     */
    public Update fieldsOf(Object document) {
        Document fields = new Document();
        mongo.getConverter().write(document, fields);
        fields.remove("_id");
        fields.remove("_class");
        Update set = new Update();
        fields.forEach(set::set);
        return set;
    }

    /**
     * Sets some fields of a projection document, only if the event's sequence is newer than what is held; the
     * same atomic guard as {@link #replaceIfNewer}, for events that carry a change rather than a whole state.
     *
     * @return false if an equal or newer event was already applied
     */
    public boolean updateIfNewer(String collection, Object id, long sequence, Update fields) {
        fields.set(SEQUENCE, sequence);
        try {
            mongo.upsert(new Query(Criteria.where("_id").is(id).and(SEQUENCE).lt(sequence)), fields, collection);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }
}
