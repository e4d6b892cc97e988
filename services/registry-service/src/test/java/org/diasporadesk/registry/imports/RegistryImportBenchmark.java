package org.diasporadesk.registry.imports;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.registry.RegistryApplication;
import org.diasporadesk.registry.imports.application.BulkImport;
import org.diasporadesk.registry.imports.application.ImportJob;
import org.diasporadesk.registry.imports.application.ImportJobs;
import org.diasporadesk.testsupport.TestInfrastructure;
import org.diasporadesk.testsupport.WireServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.awaitility.Awaitility.await;

/**
 * Imports a generated file (17,356 rows by default, like the real project; {@code -Dbenchmark.rows=1000000}
 * for a national roll-out) into the registry running against the Mongo wire server with its H2 file backend
 * (in a process of its own, as in every deployment) and the in-process Kafka broker, and compares the rate with two
 * raw bulk inserts into the same store in the same run: of the same rows as flat documents, and of the documents the
 * import wrote (households and match keys) copied as they are. A first import of other rows, and a raw insert of
 * them, warm both JVMs up. Prints rows per second (the import alone, and until its events were published), peak
 * heap and the ratios. Run with {@code ./mvnw -Pbenchmarks -pl services/registry-service -am
 * verify}; the JVM is capped at 512 MB of heap.
 */
class RegistryImportBenchmark {

    /** Far from the measured file's rows, so that the warm-up's rows are other people. */
    private static final int WARM_UP_FIRST_ROW = 5_000_000;
    private static final int WARM_UP_ROWS = 10_000;
    /** Documents of each collection the raw copy inserts at most; see {@link #copyStoredDocuments}. */
    private static final int COPY_SAMPLE = 100_000;

    /** The store's file: gigabytes after a large run, deleted afterwards. */
    @TempDir
    Path dir;

    @Test
    void importAgainstRawBulkInsert() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 17_356);
        WireServerProcess mongo = WireServerProcess.start(dir.resolve("registry.mv"));
        String kafka = TestInfrastructure.endpoints().kafkaBootstrapServers();
        Path file = dir.resolve("households.csv");
        ImportFileGenerator.write(file, rows);

        // Command-line arguments: they outrank the chassis defaults, as the environment would in production.
        try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class)
            .run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:" + mongo.port(),
                    "--spring.cloud.stream.kafka.binder.brokers=" + kafka, "--logging.level.root=WARN")) {
            BulkImport imports = registry.getBean(BulkImport.class);
            ImportJobs jobs = registry.getBean(ImportJobs.class);
            MongoTemplate template = registry.getBean(MongoTemplate.class);
            Actor officer = new Actor("benchmark", Set.of(Role.REGISTRY_OFFICER), "GE-IM");

            // Warm-up: the registry's and the store's JIT compilers take a third of the machine during a first
            // import of this size; a desk's long-running service has long since compiled its import path.
            Path warmUpFile = dir.resolve("warm-up.csv");
            ImportFileGenerator.write(warmUpFile, WARM_UP_FIRST_ROW, WARM_UP_ROWS);
            long warmUpStarted = System.nanoTime();
            importAndWait(imports, jobs, warmUpFile, officer);
            double warmUpSeconds = (System.nanoTime() - warmUpStarted) / 1e9;
            awaitOutboxDrained(template);
            rawInsert(warmUpFile, template, "raw_rows_warm_up");

            HeapSampler heap = HeapSampler.start();
            long started = System.nanoTime();
            ImportJob done = importAndWait(imports, jobs, file, officer);
            double importSeconds = (System.nanoTime() - started) / 1e9;
            long importPeakHeap = heap.stop();

            long relayStarted = System.nanoTime();
            awaitOutboxDrained(template);
            double relaySeconds = (System.nanoTime() - relayStarted) / 1e9;

            System.gc(); // a collection first, as HeapSampler.start does before the import
            long rawStarted = System.nanoTime();
            long rawRows = rawInsert(file, template, "raw_rows");
            double rawSeconds = (System.nanoTime() - rawStarted) / 1e9;
            StoredCopy stored = copyStoredDocuments(template);

            Map<String, Long> rejectedByColumn = new TreeMap<>();
            jobs.errors(done.id()).forEach(error -> rejectedByColumn.merge(error.column(), 1L, Long::sum));
            double importRate = done.rowsDone() / importSeconds;
            double rawRate = rawRows / rawSeconds;
            double withEventsRate = done.rowsDone() / (importSeconds + relaySeconds);
            double storedRate = stored.migrants() / stored.seconds();
            System.out.printf("""

                    Registry import benchmark (%,d rows, file %,d KB; Mongo wire server with H2 file backend; \
                    wire server in its own process; in-process Kafka; heap capped at %d MB)
                      warm-up:      %,8.1f s  %,8.0f rows/s  (%,d other rows imported and inserted raw first)
                      import:       %,8.1f s  %,8.0f rows/s  (%,d imported, %,d rejected, %,d possible duplicates)
                      raw insert:   %,8.1f s  %,8.0f rows/s  (same rows, insertMany of 1,000, no validation, keys or events)
                      ratio:        %.2f of the raw insert rate
                      raw copy:     %,8.1f s  %,8.0f rows/s  (the import's own %,d households and %,d match keys, \
                    warm-up's included, copied by insertMany of 1,000, at most 100,000 of each timed)
                      ratio:        %.2f of the raw copy rate
                      with events:  %,8.1f s  %,8.0f rows/s  (until the outbox drained, %.1f s after the import finished)
                      ratio:        %.2f / %.2f of the raw insert / raw copy rate, events published
                      peak heap:    %,d MB during the import (registry and Kafka broker; the store is another process)
                      rejected by column: %s
                    %n""", rows, Files.size(file) / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    warmUpSeconds, WARM_UP_ROWS / warmUpSeconds, WARM_UP_ROWS, importSeconds,
                    importRate, done.rowsImported(), done.rowsRejected(), done.possibleDuplicates(), rawSeconds, rawRate,
                    importRate / rawRate, stored.seconds(), storedRate, stored.households(), stored.matchKeys(),
                    importRate / storedRate, importSeconds + relaySeconds, withEventsRate, relaySeconds,
                    withEventsRate / rawRate, withEventsRate / storedRate, importPeakHeap / (1024 * 1024),
                    rejectedByColumn);
        }
        finally {
            mongo.close();
        }
    }

    /** Imports the file as the officer and waits for the job to finish, printing its progress every 10 s. */
    private static ImportJob importAndWait(BulkImport imports, ImportJobs jobs, Path file, Actor officer)
            throws Exception {
        ImportJob job = imports.start(Files.newInputStream(file), null, officer);
        long[] lastReport = { System.nanoTime() };
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ImportJob current = jobs.find(job.id()).orElseThrow();
            if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
                lastReport[0] = System.nanoTime();
                System.out.printf("  import: %,d of %,d rows (%.0f%%)%n", current.rowsDone(), current.rowsTotal(),
                        current.percentDone());
            }
            return current.finished();
        });
        return jobs.find(job.id()).orElseThrow();
    }

    /**
     * Waits until no household has a pending event. Polled once a second: the count reads every household on
     * the wire server (a scan), and polled more often it slowed the relay it waits for.
     */
    private static void awaitOutboxDrained(MongoTemplate template) {
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1)).until(() -> template.count(
                new Query(Criteria.where("outbox.pending.0").exists(true)), "households") == 0);
    }

    /** The same rows as documents into the same store, in batches of 1,000: the store's own ceiling. */
    private static long rawInsert(Path file, MongoTemplate template, String collection) throws Exception {
        long count = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<Document> batch = new ArrayList<>(1_000);
            for (CSVRecord record : parser) {
                batch.add(new Document(record.toMap()));
                if (batch.size() == 1_000) {
                    template.getCollection(collection).insertMany(batch);
                    count += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                template.getCollection(collection).insertMany(batch);
                count += batch.size();
            }
        }
        return count;
    }

    /** What {@link #copyStoredDocuments} found, and how long inserting all of it takes at the sample's rate. */
    private record StoredCopy(long households, long migrants, long matchKeys, double seconds) {
    }

    /**
     * The documents the imports wrote (households with their migrants and events as the relay left them, and the
     * duplicate index's keys) read back and inserted into other collections of the same store, in batches of 1,000:
     * the store's rate for the import's own documents; only the inserts are timed. At most {@value #COPY_SAMPLE}
     * documents of each collection are copied, and the time for all of them is taken at the sample's rate: the
     * wire server holds a query's whole result in memory, which would be every household of a million-row run.
     */
    private static StoredCopy copyStoredDocuments(MongoTemplate template) {
        long households = template.getCollection("households").countDocuments();
        long matchKeys = template.getCollection("match_keys").countDocuments();
        Sample householdSample = copySample(template, "households");
        Sample keySample = copySample(template, "match_keys");
        long migrants = Math.round((double) householdSample.migrants() * households
                / Math.max(1, householdSample.copied()));
        return new StoredCopy(households, migrants, matchKeys,
                householdSample.secondsFor(households) + keySample.secondsFor(matchKeys));
    }

    /** Documents of a collection copied, the migrants they hold, and how long their inserts took. */
    private record Sample(long copied, long migrants, long nanos) {

        double secondsFor(long documents) {
            return nanos / 1e9 * documents / Math.max(1, copied);
        }
    }

    private static Sample copySample(MongoTemplate template, String collection) {
        MongoCollection<Document> copy = template.getCollection("raw_copy_" + collection);
        List<Document> batch = new ArrayList<>(1_000);
        long copied = 0;
        long migrants = 0;
        long nanos = 0;
        for (Document document : template.getCollection(collection).find().limit(COPY_SAMPLE).batchSize(1_000)) {
            List<Document> held = document.getList("migrants", Document.class);
            migrants += held == null ? 0 : held.size();
            batch.add(document);
            copied++;
            if (batch.size() == 1_000) {
                nanos += timedInsert(copy, batch);
            }
        }
        if (!batch.isEmpty()) {
            nanos += timedInsert(copy, batch);
        }
        return new Sample(copied, migrants, nanos);
    }

    private static long timedInsert(MongoCollection<Document> collection, List<Document> batch) {
        long started = System.nanoTime();
        collection.insertMany(batch);
        batch.clear();
        return System.nanoTime() - started;
    }

    /** Samples used heap every 50 ms; the peak is the largest sample. */
    private static final class HeapSampler {

        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peak = new AtomicLong();

        static HeapSampler start() {
            System.gc();
            HeapSampler heap = new HeapSampler();
            heap.sampler.scheduleAtFixedRate(() -> heap.peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 50,
                    TimeUnit.MILLISECONDS);
            return heap;
        }

        long stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
            return peak.get();
        }
    }
}
