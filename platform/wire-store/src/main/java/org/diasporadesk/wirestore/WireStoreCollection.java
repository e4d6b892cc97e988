package org.diasporadesk.wirestore;

import java.util.Collection;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection in the store's file: the upstream H2 collection's behaviour, over a map of {@link StoredDocument}s,
 * so that H2 re-writing a page copies the BSON of the documents that did not change instead of encoding them again
 * (the upstream class keeps its map of plain documents private, so this one is written against the wire server's
 * collection base class, as upstream's is). The file's format is unchanged.
 *
 * <p>A read of many documents by {@code _id} ({@code {_id: {$in: [...]}}}, how the services read a batch's
 * aggregates) is matched in time proportional to the documents found. The wire server finds them with the unique
 * {@code _id} index, then matches each against the whole query again, comparing its {@code _id} with every value
 * of the list: a read of 500 ids made 250,000 comparisons, 40% of the store's CPU time while reporting applied
 * household snapshots with a million migrants held (profile in docs/measurements.md). Lists of strings, the
 * services' ids, are matched with a hash set; any other query as upstream.
 *
 * <p>A query on {@code _id} and other fields ({@code {_id: x, version: n}}, a compare-and-set) is served from the
 * {@code _id} index, as MongoDB does: the wire server uses an index only for a query on exactly its fields, and
 * scanned the collection for it, so the services kept a second unique index on {@code (_id, version)} to update
 * with every write; reporting's replay runs a fifth faster without it (docs/measurements.md).
 */
final class WireStoreCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String ID = "_id";
    private static final String IN = "$in";
    private static final String DATA_SIZE = "dataSize";

    private final MVMap<Object, StoredDocument> documents;
    private final MVMap<String, Object> meta;

    /** The last query matched by id list and its ids: a query matches its documents one after the other. */
    private volatile IdList lastIdList;

    WireStoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, StoredDocument> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, cursors);
        this.documents = documents;
        this.meta = meta;
        meta.putIfAbsent(DATA_SIZE, 0L);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocument previous = documents.put(Missing.ofNullable(key), new StoredDocument(document));
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        return key;
    }

    /** The wire server changed the stored document in place; a new holder drops the BSON of its earlier version. */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), new StoredDocument(newDocument));
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocument stored = documents.get(position);
        return stored == null ? null : stored.document();
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            meta.put(DATA_SIZE, ((Number) meta.get(DATA_SIZE)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE)).intValue();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
            .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    /**
     * A query on {@code _id} and more fields, whose {@code _id} condition the {@code _id} index could serve alone (a
     * plain value, or {@code $in}), is served by the documents that index finds, each matched against the whole
     * query; any other query as upstream.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        if (query.size() > 1 && query.containsKey(ID)) {
            Document byId = new Document(ID, query.get(ID));
            for (Index<Object> index : getIndexes()) {
                if (isIdIndex(index) && index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, numberToReturn,
                            batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    private static boolean isIdIndex(Index<?> index) {
        return index.isUnique() && index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey());
    }

    /**
     * All documents in the order of their keys, or the reverse for {@code $natural: -1}, as upstream, read as one
     * {@link #scan}.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        return scan(() -> {
            Stream<Document> all = isNaturalDescending(orderBy)
                    ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                    : documents.values().stream().map(StoredDocument::document);
            return matchDocumentsFromStream(all, query, orderBy, numberToSkip, numberToReturn, batchSize,
                    fieldSelector);
        });
    }

    /** An index created on a collection that holds documents is filled from one {@link #scan} of them. */
    @Override
    public void addIndex(Index<Object> index) {
        scan(() -> {
            super.addIndex(index);
            return null;
        });
    }

    /**
     * Reads many documents with the map's version registered as in use. A scan reads the version of the map it
     * started on while others write, and H2 frees the file space of old versions once no reader has said it uses
     * them: scans of a large collection under a heavy import failed with {@code Chunk N not found}
     * (docs/measurements.md).
     */
    private <T> T scan(Supplier<T> reading) {
        MVStore store = documents.getStore();
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return reading.get();
        }
        finally {
            store.deregisterVersionUsage(version);
        }
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
