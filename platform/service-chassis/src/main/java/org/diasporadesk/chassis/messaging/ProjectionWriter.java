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
 * <p>The held sequence is read by {@code _id}, and the write is a {@link CompareAndSet} on it: an upsert that
 * matches only while the document still holds the sequence read, and otherwise collides with it on {@code _id},
 * atomically on MongoDB and on the Mongo wire server alike (neither needs a transaction). A collision means another
 * writer got in between: the sequence is read again. One conditional upsert on {@code {_id, sequence: {$lt: n}}}
 * would do it in one round trip: MongoDB serves it from the {@code _id} index, and so does the local stack's wire
 * store since it serves a plain {@code _id} and more fields from that index (see {@link CompareAndSet}). The read
 * before the write dates from when the wire store scanned for it; changing it is left until it is measured.
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
        for (int attempt = 1; ; attempt++) {
            Long held = heldSequence(collection, id);
            if (held != null && held >= sequence) {
                return false;
            }
            try {
                mongo.upsert(CompareAndSet.expecting(id, SEQUENCE, held), fields, collection);
                return true;
            }
            catch (DuplicateKeyException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(collection + " " + id + " changed under " + ATTEMPTS
                            + " writes in a row; the event is retried", changedMeanwhile);
                }
            }
        }
    }

    private Long heldSequence(String collection, Object id) {
        Query byId = new Query(Criteria.where("_id").is(id));
        byId.fields().include(SEQUENCE);
        Document held = mongo.findOne(byId, Document.class, collection);
        return held == null || held.get(SEQUENCE) == null ? null : ((Number) held.get(SEQUENCE)).longValue();
    }
}
