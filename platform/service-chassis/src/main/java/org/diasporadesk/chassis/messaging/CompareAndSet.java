package org.diasporadesk.chassis.messaging;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Writes that expect a document to be as it was read: the query names the id and the value a field had then (null:
 * no document), so an update changes nothing when another writer got in between, and an upsert collides with the
 * held document on {@code _id}. MongoDB serves it from the {@code _id} index.
 */
public final class CompareAndSet {

    private CompareAndSet() {
    }

    /** Matches the document only while {@code field} still holds {@code observed}; null: only while there is none. */
    public static Query expecting(Object id, String field, Object observed) {
        return new Query(Criteria.where("_id").is(id).and(field).is(observed));
    }
}
