package org.diasporadesk.wirestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store keeps what the upstream H2 backend keeps, across restarts, and takes over a file that backend wrote:
 * documents of every BSON type the services write, the primary key and compound unique indexes still refusing
 * duplicates and serving lookups.
 */
class WireStoreBackendTest {

    @TempDir
    Path dir;

    @Test
    void keepsDocumentsAndUniqueIndexesAcrossRestarts() {
        Path file = dir.resolve("store.mv");
        withStore(WireStoreBackend.open(file), households -> {
            households.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            households.insertMany(sampleHouseholds(300));
        });
        withStore(WireStoreBackend.open(file), households -> {
            assertThat(households.countDocuments()).isEqualTo(300);
            assertThat(households.find(new Document("_id", "household-7")).first()).isEqualTo(sampleHousehold(7));
            assertRefusesDuplicates(households);
            // a compare-and-set on the compound index still finds the document by its read version
            households.updateOne(new Document("_id", "household-8").append("version", 8L), Updates.inc("version", 1L));
            assertThat(households.find(new Document("_id", "household-8").append("version", 9L)).first()).isNotNull();
        });
        withStore(WireStoreBackend.open(file), households ->
            assertThat(households.find(new Document("_id", "household-8")).first().getLong("version")).isEqualTo(9L));
    }

    /**
     * H2 writes the BSON of a document once and copies it when it writes the document's page again: a document
     * changed after its page was written, or after it was read from the file, must come back in its last version.
     */
    @Test
    void keepsTheLastVersionOfEveryDocumentAcrossRestarts() {
        Path file = dir.resolve("versions.mv");
        withStore(WireStoreBackend.open(file), households -> households.insertMany(sampleHouseholds(300)));
        WireStoreBackend backend = WireStoreBackend.open(file);
        withStore(backend, households -> {
            for (int round = 1; round <= 2; round++) {
                for (int i = 0; i < 300; i += 3) {
                    households.updateOne(Filters.eq("_id", "household-" + i), Updates.set("round", round));
                }
                backend.commit(); // the pages of the changed documents written, with their unchanged neighbours
            }
            households.insertMany(sampleHouseholds(300, 400));
            households.deleteOne(Filters.eq("_id", "household-4"));
        });
        withStore(WireStoreBackend.open(file), households -> {
            assertThat(households.countDocuments()).isEqualTo(399);
            for (int i = 0; i < 400; i++) {
                Document expected = i == 4 ? null : i < 300 && i % 3 == 0 ? sampleHousehold(i).append("round", 2)
                        : sampleHousehold(i);
                assertThat(households.find(Filters.eq("_id", "household-" + i)).first()).as("household-" + i)
                    .isEqualTo(expected);
            }
        });
    }

    @Test
    void convertsAFileTheUpstreamBackendWrote() {
        Path file = dir.resolve("upstream.mv");
        writeWithUpstreamBackend(file);
        withStore(WireStoreBackend.open(file), households -> {
            assertThat(households.countDocuments()).isEqualTo(300);
            assertThat(households.find(new Document("_id", "household-299")).first()).isEqualTo(sampleHousehold(299));
            assertRefusesDuplicates(households);
            households.insertOne(sampleHousehold(300));
        });
        withStore(WireStoreBackend.open(file), households -> {
            assertThat(households.countDocuments()).isEqualTo(301);
            assertThat(households.find(new Document("_id", "household-300").append("version", 300L)).first())
                .isEqualTo(sampleHousehold(300));
        });
    }

    /** Stopped with the copy of a collection whole (it is put in place) or half made (it is made again). */
    @ParameterizedTest(name = "copy whole: {0}")
    @ValueSource(booleans = {true, false})
    void takesUpAConversionThatStopped(boolean copyWasWhole) {
        Path file = dir.resolve("stopped.mv");
        writeWithUpstreamBackend(file);
        stopConversionAfterCopy(file, copyWasWhole);
        withStore(WireStoreBackend.open(file), households -> {
            assertThat(households.countDocuments()).isEqualTo(300);
            assertThat(households.find(new Document("_id", "household-5")).first()).isEqualTo(sampleHousehold(5));
            assertRefusesDuplicates(households);
        });
    }

    @Test
    void readsByAListOfIdsWhatTheListNames() {
        withStore(WireStoreBackend.open(dir.resolve("ids.mv")), households -> {
            households.insertMany(sampleHouseholds(300));
            households.insertOne(new Document("_id", 7L).append("version", 7L));
            List<Object> ids = List.of("household-7", "household-299", "household-300", "household-7", "7");
            assertThat(households.find(Filters.in("_id", ids)).map(household -> household.get("_id")))
                .containsExactlyInAnyOrder("household-7", "household-299");
            // a list of other types than strings is matched as upstream: 7 and 7L are the same number
            assertThat(households.find(Filters.in("_id", List.of(7, "household-8"))).map(household -> household
                .get("_id"))).containsExactlyInAnyOrder(7L, "household-8");
            // and any other query, here a list with one more condition
            assertThat(households.find(Filters.and(Filters.in("_id", ids), Filters.eq("version", 299L)))
                .map(household -> household.get("_id"))).containsExactly("household-299");
        });
    }

    /**
     * A compare-and-set names the id and the version read, with no index on both: the document is found by its id
     * and matched on the rest, and an upsert whose version moved on collides with it on the id.
     */
    @Test
    void matchesAQueryOnTheIdAndMoreOnEveryField() {
        withStore(WireStoreBackend.open(dir.resolve("compare-and-set.mv")), households -> {
            households.insertMany(sampleHouseholds(300));
            households.insertOne(new Document("_id", 7L).append("version", 7L));
            assertThat(households.find(new Document("_id", "household-8").append("version", 8L)).first())
                .isEqualTo(sampleHousehold(8));
            assertThat(households.find(new Document("_id", "household-8").append("version", 7L)).first()).isNull();
            assertThat(households.find(new Document("_id", 7).append("version", 7L)).first()).isNotNull();
            // an operator on the id is matched as upstream
            assertThat(households.find(new Document("_id", new Document("$gte", "household-98"))
                .append("verified", true)).map(household -> household.get("_id")))
                .containsExactly("household-98");

            assertThat(households.updateOne(new Document("_id", "household-8").append("version", 8L),
                    Updates.set("version", 9L)).getModifiedCount()).isEqualTo(1);
            assertThatThrownBy(() -> households.updateOne(new Document("_id", "household-8").append("version", 8L),
                    Updates.set("version", 10L), new UpdateOptions().upsert(true)))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
            assertThat(households.find(new Document("_id", "household-8")).first().getLong("version")).isEqualTo(9L);
            assertThat(households.countDocuments()).isEqualTo(301);
        });
    }

    @Test
    void fillsAnIndexCreatedOnDocumentsHeld() {
        withStore(WireStoreBackend.open(dir.resolve("late-index.mv")), households -> {
            households.insertMany(sampleHouseholds(200)); // their keys repeat from the 256th on
            households.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            assertThatThrownBy(() -> households.insertOne(new Document("_id", "household-200")
                .append("key", sampleHousehold(7).get("key"))))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
            assertThat(households.countDocuments()).isEqualTo(200);
        });
    }

    private static void writeWithUpstreamBackend(Path file) {
        withStore(new H2Backend(file.toString()), households -> {
            households.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            households.insertMany(sampleHouseholds(300));
        });
    }

    /** The state a conversion leaves when it stops after copying half of a collection, or all of it. */
    private static void stopConversionAfterCopy(Path file, boolean whole) {
        MVStore store = MVStore.open(file.toString());
        String name = "databases.registry.households";
        MVMap<Object, Object> upstream = store.openMap(name);
        MVMap<Object, StoredDocument> copy = store.openMap(name + ".converting", WireStoreBackend.documents());
        upstream.entrySet().stream().limit(whole ? Long.MAX_VALUE : 100)
            .forEach(e -> copy.put(e.getKey(), new StoredDocument((de.bwaldvogel.mongo.bson.Document) e.getValue())));
        if (whole) {
            store.<String, Object>openMap("ddesk.wire-store").put("converted:" + name, true);
        }
        store.close();
    }

    private static void assertRefusesDuplicates(MongoCollection<Document> households) {
        assertThatThrownBy(() -> households.insertOne(new Document("_id", "household-3")))
            .isInstanceOf(MongoWriteException.class)
            .hasMessageContaining("duplicate key");
        assertThat(households.countDocuments(new Document("_id", "household-3"))).isEqualTo(1);
    }

    private static List<Document> sampleHouseholds(int count) {
        return sampleHouseholds(0, count);
    }

    private static List<Document> sampleHouseholds(int from, int to) {
        List<Document> households = new ArrayList<>();
        for (int i = from; i < to; i++) {
            households.add(sampleHousehold(i));
        }
        return households;
    }

    /** The value types the services' documents hold. */
    private static Document sampleHousehold(int i) {
        return new Document("_id", "household-" + i)
            .append("version", (long) i)
            .append("municipalityCode", "GE-IM-KUTAISI")
            .append("informants", List.of(new Document("name", "ნინო ბერიძე").append("relation", "MOTHER"),
                    new Document("name", "Нино Беридзе").append("phone", null)))
            .append("birthYear", 1980 + i % 20)
            .append("share", i / 7.0)
            .append("verified", i % 2 == 0)
            .append("registeredAt", Date.from(Instant.parse("2026-11-23T09:00:00Z").plusSeconds(i)))
            .append("key", new Binary(UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString().getBytes()))
            .append("outbox", new Document("pending", List.of()));
    }

    @Test
    void answersHelloAsMongoDbDoesForItsHealthCheck() {
        MongoServer server = new MongoServer(WireStoreBackend.open(dir.resolve("hello.mv")));
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(hello.get("isWritablePrimary")).isEqualTo(true);
            assertThat(hello.get("maxWireVersion")).isNotNull();
        }
        finally {
            server.shutdownNow();
        }
    }

    private static void withStore(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            work.accept(client.getDatabase("registry").getCollection("households"));
        }
        finally {
            server.shutdownNow();
        }
    }
}
