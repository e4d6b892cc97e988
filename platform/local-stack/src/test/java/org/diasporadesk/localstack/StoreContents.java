package org.diasporadesk.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import org.bson.Document;

/** Everything a store holds, for tests that search or survey it: the local stack's data is small. */
final class StoreContents {

    private StoreContents() {
    }

    /** Every collection, as {@code database.collection}, with all its documents (empty collections included). */
    static Map<String, List<Document>> read(String mongoUri) {
        Map<String, List<Document>> contents = new TreeMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (String name : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    contents.put(name + "." + collection, database.getCollection(collection).find()
                        .into(new ArrayList<>()));
                }
            }
        }
        return contents;
    }
}
