package org.diasporadesk.wirestore;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * The upstream collection, with a read of many documents by {@code _id} ({@code {_id: {$in: [...]}}}, how the
 * services read a batch's aggregates) matched in time proportional to the documents found. Upstream, the unique
 * {@code _id} index finds the documents, then each is matched against the whole query again, comparing its
 * {@code _id} with every value of the list: a read of 500 ids made 250,000 comparisons, 40% of the store's CPU time
 * while reporting applied household snapshots with a million migrants held (profile in docs/measurements.md). Lists
 * of strings, the services' ids, are matched with a hash set; any other query as upstream.
 */
final class WireStoreCollection extends H2Collection {

    private static final String ID = "_id";
    private static final String IN = "$in";

    /** The last query matched by id list and its ids: a query matches its documents one after the other. */
    private volatile IdList lastIdList;

    WireStoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Set<String> ids = stringIdsIn(query);
        if (ids == null) {
            return super.documentMatchesQuery(document, query);
        }
        return document.get(ID) instanceof String id && ids.contains(id);
    }

    /** The ids of a query that is exactly {@code {_id: {$in: [strings]}}}; null for any other query. */
    private Set<String> stringIdsIn(Document query) {
        IdList last = lastIdList;
        if (last != null && last.query == query) {
            return last.ids;
        }
        if (query.size() != 1 || !(query.get(ID) instanceof Document condition) || condition.size() != 1
                || !(condition.get(IN) instanceof Collection<?> values)) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (Object value : values) {
            if (!(value instanceof String id)) {
                return null;
            }
            ids.add(id);
        }
        lastIdList = new IdList(query, ids);
        return ids;
    }

    private record IdList(Document query, Set<String> ids) {
    }
}
