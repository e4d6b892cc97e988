package org.diasporadesk.registry.imports;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.registry.RegistryApplication;
import org.diasporadesk.registry.household.application.HouseholdRegistration;
import org.diasporadesk.registry.household.application.RegisterHousehold;
import org.diasporadesk.registry.household.domain.Consent;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Provenance;
import org.diasporadesk.registry.imports.ImportFileGenerator.ReReported;
import org.diasporadesk.registry.imports.application.BulkImport;
import org.diasporadesk.registry.imports.application.ImportJob;
import org.diasporadesk.registry.imports.application.ImportJobs;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate;
import org.diasporadesk.testsupport.TestInfrastructure;
import org.diasporadesk.testsupport.WireServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.awaitility.Awaitility.await;

/**
 * Imports a generated file (17,356 rows by default, like the real project; {@code -Dbenchmark.rows=1000000} for a
 * national roll-out) into the registry running against the Mongo wire server (in a process of its own, as in every
 * deployment) and the in-process Kafka broker, after a first import of other people has warmed both JVMs up and
 * filled the registry a little. Prints what an officer would see and what MongoDB would be asked to do: the time
 * and rate of the import, and until its events were published; the store commands per 1,000 rows, counted with
 * the driver's {@link CommandListener} (those of the import itself, and all of them, the outbox relay's included),
 * which predict MongoDB's cost whatever the stand-in store's speed; peak heap; and how well the duplicate review
 * queue caught the migrants the file reports twice (recall) and how many other migrants it flagged. Run with
 * {@code ./mvnw -Pbenchmarks -pl services/registry-service -am verify}; the JVM is capped at 512 MB of heap.
 */
class RegistryImportBenchmark {

    /** Far from the measured file's rows, so that the warm-up's rows are other people. */
    private static final int WARM_UP_FIRST_ROW = 5_000_000;
    private static final int WARM_UP_ROWS = 10_000;

    @TempDir
    Path dir;

    @Test
    void importOfAnOfficesFile() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 17_356);
        WireServerProcess mongo = WireServerProcess.start(dir.resolve("registry.mv"));
        String kafka = TestInfrastructure.endpoints().kafkaBootstrapServers();
        Path file = dir.resolve("households.csv");
        List<ReReported> reReported = ImportFileGenerator.write(file, rows);
        // Kept for the local stack's NALAG benchmark, which takes the same file through the running stack.
        Files.copy(file, Path.of("target", "nalag-households.csv"), StandardCopyOption.REPLACE_EXISTING);
        CommandCounter commands = new CommandCounter();

        // Command-line arguments: they outrank the chassis defaults, as the environment would in production.
        try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class)
            .initializers(context -> context.getBeanFactory().registerSingleton("benchmarkCommandCounter",
                    (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(commands)))
            .run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:" + mongo.port(),
                    "--spring.cloud.stream.kafka.binder.brokers=" + kafka, "--logging.level.root=WARN")) {
            BulkImport imports = registry.getBean(BulkImport.class);
            ImportJobs jobs = registry.getBean(ImportJobs.class);
            MongoTemplate template = registry.getBean(MongoTemplate.class);
            Actor officer = new Actor("benchmark", Set.of(Role.REGISTRY_OFFICER), "GE-IM");

            Path warmUpFile = dir.resolve("warm-up.csv");
            ImportFileGenerator.write(warmUpFile, WARM_UP_FIRST_ROW, WARM_UP_ROWS);
            long warmUpStarted = System.nanoTime();
            importAndWait(imports, jobs, warmUpFile, officer);
            double warmUpSeconds = (System.nanoTime() - warmUpStarted) / 1e9;
            awaitOutboxDrained(template);

            HeapSampler heap = HeapSampler.start();
            commands.reset();
            DeskDuringImport desk = DeskDuringImport.start(registry.getBean(HouseholdRegistration.class), kafka);
            long started = System.nanoTime();
            ImportJob done = importAndWait(imports, jobs, file, officer);
            double importSeconds = (System.nanoTime() - started) / 1e9;
            long importPeakHeap = heap.stop();
            long importCommands = commands.byImport();
            long relayStarted = System.nanoTime();
            awaitOutboxDrained(template);
            double relaySeconds = (System.nanoTime() - relayStarted) / 1e9;
            List<Long> deskMillis = desk.stop();
            long allCommands = commands.all();
            Map<String, Long> byCommand = commands.importByCommand();

            DuplicateQuality quality = DuplicateQuality.of(template, done.id(), file, reReported);
            Map<String, Long> rejectedByColumn = new TreeMap<>();
            jobs.errors(done.id()).forEach(error -> rejectedByColumn.merge(error.column(), 1L, Long::sum));
            double perThousand = 1000.0 / done.rowsDone();
            System.out.printf("""

                    Registry import benchmark (%,d rows, file %,d KB; Mongo wire server in its own process; \
                    in-process Kafka; heap capped at %d MB)
                      warm-up:        %,8.1f s  (%,d other people imported first)
                      import:         %,8.1f s  %,8.0f rows/s  (%,d imported, %,d rejected, %,d flagged for review)
                      with events:    %,8.1f s  %,8.0f rows/s  (until the outbox drained, %.1f s after the import)
                      at the desk:    a registration every second meanwhile (%d): on the personal topic after \
                    p50 %,d ms, max %,d ms
                      store commands: %,8.1f per 1,000 rows by the import (%s)
                                      %,8.1f per 1,000 rows in all, the outbox relay's included
                      duplicates:     recall %.1f%% (%,d of %,d migrants reported twice flagged); \
                    %.2f%% of the other migrants flagged (%,d of %,d)
                      peak heap:      %,d MB during the import (registry and Kafka broker; the store is another process)
                      rejected by column: %s
                    %n""", rows, Files.size(file) / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    warmUpSeconds, WARM_UP_ROWS, importSeconds, done.rowsDone() / importSeconds, done.rowsImported(),
                    done.rowsRejected(), done.possibleDuplicates(), importSeconds + relaySeconds,
                    done.rowsDone() / (importSeconds + relaySeconds), relaySeconds, deskMillis.size(),
                    percentile(deskMillis, 50), percentile(deskMillis, 100), importCommands * perThousand,
                    byCommand, allCommands * perThousand, 100.0 * quality.found() / quality.planted(), quality.found(),
                    quality.planted(), 100.0 * quality.othersFlagged() / quality.others(), quality.othersFlagged(),
                    quality.others(), importPeakHeap / (1024 * 1024), rejectedByColumn);
        }
        finally {
            mongo.close();
        }
    }

    /**
     * Re-reported migrants whose pair the import flagged, and other migrants of the file flagged with anyone.
     * Migrant ids are derived as the import derives them (from the municipality and {@code external_id}).
     */
    private record DuplicateQuality(long planted, long found, long others, long othersFlagged) {

        static DuplicateQuality of(MongoTemplate template, String importJobId, Path file, List<ReReported> pairs)
                throws Exception {
            Set<String> flaggedPairs = new HashSet<>();
            Set<String> flaggedMigrants = new HashSet<>();
            for (Document candidate : template.getCollection("duplicate_candidates")
                .find(new Document("importJobId", importJobId))) {
                flaggedPairs.add(candidate.getString("_id"));
                flaggedMigrants.addAll(candidate.getList("migrantIds", String.class));
            }
            Set<String> reReported = new HashSet<>();
            long found = 0;
            for (ReReported pair : pairs) {
                String first = migrantId(pair.municipality(), pair.externalId());
                String again = migrantId(pair.againMunicipality(), pair.againExternalId());
                reReported.add(first);
                reReported.add(again);
                found += flaggedPairs.contains(DuplicateCandidate.idOf(first, again)) ? 1 : 0;
            }
            Set<String> others = new HashSet<>();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser rows = CSVParser.parse(reader,
                            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                for (CSVRecord row : rows) {
                    String migrant = migrantId(row.get("municipality_code"), row.get("external_id"));
                    boolean rejected = row.get("sex").equals("?") || row.get("phone").equals("12345");
                    if (!rejected && !reReported.contains(migrant)) {
                        others.add(migrant);
                    }
                }
            }
            long othersFlagged = others.stream().filter(flaggedMigrants::contains).count();
            return new DuplicateQuality(pairs.size(), found, others.size(), othersFlagged);
        }

        private static String migrantId(String municipality, String externalId) {
            return UUID.nameUUIDFromBytes(("migrant|" + municipality + "|" + externalId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /**
     * An officer at the desk while the import runs and its events drain: a household registered every second, and
     * how long until its registration was on the personal topic, as another service's consumer reads it.
     */
    private static final class DeskDuringImport {

        private final ScheduledExecutorService officer = Executors.newSingleThreadScheduledExecutor(
                task -> new Thread(task, CommandCounter.DESK_THREAD));
        private final Map<String, Long> registeredAt = new ConcurrentHashMap<>();
        /** When each key's first record was read: the desk's households' among the import's. */
        private final Map<String, Long> readAt = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean reading = true;

        private DeskDuringImport(String kafka) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.REGISTRY_PEOPLE.topicName()).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            reader = new Thread(() -> {
                try (consumer) {
                    while (reading) {
                        long now = System.nanoTime();
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                            readAt.putIfAbsent(record.key(), now);
                        }
                    }
                }
            }, "desk-reader");
            reader.start();
        }

        static DeskDuringImport start(HouseholdRegistration registration, String kafka) {
            DeskDuringImport desk = new DeskDuringImport(kafka);
            Actor clerk = new Actor("desk-officer", Set.of(Role.REGISTRY_OFFICER), "GE-IM-KUTAISI");
            int[] visitor = { 0 };
            desk.officer.scheduleAtFixedRate(() -> {
                long started = System.nanoTime();
                String id = registration.register(new RegisterHousehold("GE-IM-KUTAISI", null,
                        List.of(new Informant("ნანა", "mother", "599 00 00 00")),
                        List.of(new RegisterHousehold.NewMigrant("ლაშა", "დესკიძე" + visitor[0]++, null, Sex.MALE, 1990,
                                "GR", null, null, LifecycleStage.ABROAD, "ka", List.of(), null,
                                new Consent(true, true, true), List.of(), null, List.of(), null, null)),
                        new Provenance("desk-officer", null, null)), clerk).household().id();
                desk.registeredAt.put(id, started);
            }, 0, 1, TimeUnit.SECONDS);
            return desk;
        }

        /** Stops registering, waits for the last registrations' events, and answers every registration's delay. */
        List<Long> stop() throws InterruptedException {
            officer.shutdown();
            officer.awaitTermination(1, TimeUnit.MINUTES);
            await().atMost(Duration.ofMinutes(5)).until(() -> readAt.keySet().containsAll(registeredAt.keySet()));
            reading = false;
            reader.join();
            return registeredAt.entrySet().stream()
                .map(registered -> (readAt.get(registered.getKey()) - registered.getValue()) / 1_000_000).toList();
        }
    }

    /** Commands sent to the store, by the import's thread and in all but the desk's (the benchmark's visitors). */
    private static final class CommandCounter implements CommandListener {

        static final String DESK_THREAD = "desk-officer";

        private final LongAdder all = new LongAdder();
        private final Map<String, LongAdder> byImport = new ConcurrentHashMap<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (Thread.currentThread().getName().equals(DESK_THREAD)) {
                return;
            }
            all.increment();
            if (Thread.currentThread().getName().startsWith("bulk-import-")) {
                var collection = event.getCommand().get(event.getCommandName());
                String key = event.getCommandName() + (collection != null && collection.isString()
                        ? " " + collection.asString().getValue() : "");
                byImport.computeIfAbsent(key, name -> new LongAdder()).increment();
            }
        }

        void reset() {
            all.reset();
            byImport.clear();
        }

        long all() {
            return all.sum();
        }

        long byImport() {
            return byImport.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<String, Long> importByCommand() {
            Map<String, Long> counts = new TreeMap<>();
            byImport.forEach((name, count) -> counts.put(name, count.sum()));
            return counts;
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

    /** Waits until no household has a pending event, polling once a second (the count reads every household). */
    private static void awaitOutboxDrained(MongoTemplate template) {
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1)).until(() -> template.count(
                new Query(Criteria.where("outbox.pending.0").exists(true)), "households") == 0);
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
