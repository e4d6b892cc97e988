package org.diasporadesk.wirestore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream H2 backend against this store, same JVM, same documents: inserts in bulks of 1,000 into a collection
 * with a unique {@code (_id, version)} index (as households, tickets and projections have), then reads by
 * {@code _id} and compare-and-set updates on {@code (_id, version)} of random documents, one at a time, and reads
 * of {@value #ID_LIST_SIZE} random documents at once by a list of ids.
 * Run with {@code ./mvnw -Pbenchmarks -pl platform/wire-store verify [-Dbenchmark.documents=100000]}.
 */
class WireStoreBenchmark {

    private static final int OPERATIONS = 5_000;
    private static final int ID_LISTS = 100;
    /** A poll's worth of aggregates, read at once by the services' batch consumers. */
    private static final int ID_LIST_SIZE = 500;

    /** The store's file: gigabytes after a large run, deleted afterwards. */
    @TempDir
    Path dir;

    @Test
    void upstreamAgainstTypedMaps() throws Exception {
        int documents = Integer.getInteger("benchmark.documents", 100_000);
        StringBuilder report = new StringBuilder(String.format("%nWire store benchmark (%,d documents; %,d reads and "
                + "%,d compare-and-set updates one at a time)%n", documents, OPERATIONS, OPERATIONS));
        report.append(run("upstream H2 backend", file -> new H2Backend(file.toString()), dir.resolve("upstream.mv"),
                documents));
        report.append(run("wire store         ", WireStoreBackend::open, dir.resolve("typed.mv"), documents));
        System.out.println(report);
    }

    private static String run(String name, Function<Path, MongoBackend> backend, Path file, int documents) {
        MongoServer server = new MongoServer(backend.apply(file));
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            MongoCollection<Document> households = client.getDatabase("benchmark").getCollection("households");
            households.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            long started = System.nanoTime();
            List<Document> bulk = new ArrayList<>(1_000);
            for (int i = 0; i < documents; i++) {
                bulk.add(household(i));
                if (bulk.size() == 1_000 || i == documents - 1) {
                    households.insertMany(bulk);
                    bulk.clear();
                }
            }
            double insertSeconds = (System.nanoTime() - started) / 1e9;
            SplittableRandom random = new SplittableRandom(documents);
            started = System.nanoTime();
            for (int i = 0; i < OPERATIONS; i++) {
                households.find(new Document("_id", id(random.nextInt(documents)))).first();
            }
            double readMillis = (System.nanoTime() - started) / 1e6 / OPERATIONS;
            started = System.nanoTime();
            for (int i = 0; i < OPERATIONS; i++) {
                households.updateOne(new Document("_id", id(i)).append("version", 1L), Updates.inc("version", 1L));
            }
            double updateMillis = (System.nanoTime() - started) / 1e6 / OPERATIONS;
            started = System.nanoTime();
            for (int i = 0; i < ID_LISTS; i++) {
                List<String> ids = new ArrayList<>(ID_LIST_SIZE);
                random.ints(ID_LIST_SIZE, 0, documents).forEach(j -> ids.add(id(j)));
                households.find(Filters.in("_id", ids)).into(new ArrayList<>());
            }
            double idListMillis = (System.nanoTime() - started) / 1e6 / ID_LISTS;
            return String.format("  %s insert %,7.0f documents/s   read by _id %.3f ms   compare-and-set %.3f ms   "
                    + "read of %d ids %.1f ms%n", name, documents / insertSeconds, readMillis, updateMillis,
                    ID_LIST_SIZE, idListMillis);
        }
        finally {
            server.shutdownNow();
        }
    }

    private static String id(int i) {
        return "household-" + Integer.toHexString(i * 0x9E3779B1);
    }

    private static Document household(int i) {
        return new Document("_id", id(i)).append("version", 1L).append("municipalityCode", "GE-IM-KUTAISI")
            .append("locality", "Zestafoni").append("migrants", List.of(
                    new Document("given", "ვახტანგ").append("family", "ბერიძე").append("birthYear", 1980 + i % 30),
                    new Document("given", "Nino").append("family", "Beridze").append("destination", "GR")))
            .append("outbox", new Document("pending", List.of()));
    }
}
