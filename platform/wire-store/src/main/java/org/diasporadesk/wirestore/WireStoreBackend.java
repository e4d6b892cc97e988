package org.diasporadesk.wirestore;

import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend, the store of the local stack and of the benchmarks, with its maps typed.
 * Upstream, H2 sees the index keys and the documents as objects of unknown types and Java-serialises them: two
 * keys for every comparison of every index lookup, every key and document of every page it reads or writes. In a
 * profile of the hotline at 200 tickets a second that was 43% of the store's CPU time and 10.7 of 24.6 GB
 * allocated. Index keys are stored and compared field by field ({@link IndexKeyType}), documents as BSON
 * ({@link DocumentType}) encoded once, not at every write of their page ({@link StoredDocument}), and a read by a
 * list of ids is matched in linear time ({@link WireStoreCollection}); what the store does is unchanged.
 * {@code WireStoreBenchmark}, on the benchmarks' store JVM: 100,000 inserts went from 1,397 to 21,045 a second, a
 * read by {@code _id} from 0.59 to 0.15 ms, a read of 500 ids from 87 to 25 ms.
 *
 * <p>A file written by the upstream backend is converted once when opened ({@link UpstreamFormat}).
 */
public final class WireStoreBackend extends H2Backend {

    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    private static final String INDEX_MAP_INFIX = "._index_";

    private WireStoreBackend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the store's file, converting one the upstream backend wrote. */
    public static WireStoreBackend open(Path file) {
        MVStore store = MVStore.open(file.toString());
        UpstreamFormat.convert(store, DATA_MAP_PREFIX, INDEX_MAP_INFIX);
        return new WireStoreBackend(store);
    }

    /**
     * Answers {@code hello}, MongoDB's handshake and health command since 4.4.2, which upstream does not know, as it
     * answers {@code isMaster}: Spring Boot's MongoDB health check sends it, and without it every service of the
     * local stack reported itself DOWN.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", answer.get("ismaster"));
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    /** Called by the upstream constructor for every database already in the file, before this class's fields. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * Opens each map with its types before the upstream code opens it by name; the store hands out the map already
     * open. An inner class, as the database needs the store while the upstream constructor is still running.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** As upstream, with the documents' map typed and the collection's reads by id list in linear time. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new WireStoreCollection(this, collectionName, options,
                    getMvStore().openMap(DATA_MAP_PREFIX + namespace, documents()),
                    getMvStore().openMap(META_MAP_PREFIX + namespace), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName, indexKeys());
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    static MVMap.Builder<Object, StoredDocument> documents() {
        return new MVMap.Builder<Object, StoredDocument>().valueType(new DocumentType());
    }

    private static MVMap.Builder<KeyValue, Object> indexKeys() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType());
    }
}
