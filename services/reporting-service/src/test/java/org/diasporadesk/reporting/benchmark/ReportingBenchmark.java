package org.diasporadesk.reporting.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.CloudEventHeaders;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.Topic;
import org.diasporadesk.reporting.ReportingApplication;
import org.diasporadesk.testsupport.EventStream;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.TestInfrastructure;
import org.diasporadesk.testsupport.TestTokens;
import org.diasporadesk.testsupport.WireServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.snapshot;

/**
 * Reporting's three targets. For each size, households are published until the history holds that many migrants
 * (17,356 and 1,000,000 by default), a replay rebuilds the projections from that history (timed), and the latency
 * of a region's and the nation's migrant figures is measured. Then freshness (event published to changed figures
 * pushed on a live stream) at a sustained 500 household snapshots a second, with the largest size held. The store is the Mongo wire server with its H2 file backend in a JVM of its own; Kafka is the in-process
 * broker; all in one machine, so the clocks of publisher and subscriber are the same.
 * Run with {@code ./mvnw -Pbenchmarks -pl services/reporting-service -am verify [-Dbenchmark.seconds=60]
 * [-Dbenchmark.rate=500] [-Dbenchmark.migrants=17356,1000000]}.
 */
class ReportingBenchmark {

    private static final String PROBE_MUNICIPALITY = "GE-KK-RUSTAVI";
    private static final String[] LOAD_MUNICIPALITIES = { "GE-IM-KUTAISI", "GE-IM-ZESTAPONI", "GE-AJ-BATUMI",
        "GE-KA-TELAVI", "GE-SZ-ZUGDIDI", "GE-TB-TBILISI", "GE-SK-GORI", "GE-MM-DUSHETI" };
    private static final String[] QUERY_MUNICIPALITIES = { "GE-IM-KUTAISI", "GE-IM-ZESTAPONI", "GE-IM-SAMTREDIA",
        "GE-IM-TSKALTUBO", "GE-AJ-BATUMI", "GE-KA-TELAVI", "GE-SZ-ZUGDIDI", "GE-TB-TBILISI", "GE-SK-GORI",
        "GE-KK-RUSTAVI", "GE-MM-DUSHETI", "GE-GU-OZURGETI" };
    private static final String NATIONAL = TestTokens.national(Role.NATIONAL_PLANNER);
    private static final String ADMINISTRATOR = TestTokens.national(Role.ADMINISTRATOR);

    /** The store's file: gigabytes after a large run, deleted afterwards. */
    @TempDir
    Path dir;

    @Test
    void freshnessReplayAndQueryLatency() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int rate = Integer.getInteger("benchmark.rate", 500);
        List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.migrants", "17356,1000000").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
        String brokers = TestInfrastructure.endpoints().kafkaBootstrapServers();
        StringBuilder report = new StringBuilder();
        print(report, String.format("%nReporting benchmark (Mongo wire server, H2 file backend in its own JVM; "
                + "in-process Kafka; push interval 250 ms)%n"));
        try (WireServerProcess store = WireServerProcess.start(dir.resolve("reporting.mv"));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.LINGER_MS_CONFIG, 2,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
                ConfigurableApplicationContext reporting = new SpringApplicationBuilder(ReportingApplication.class)
                    .initializers(context -> context.getBeanFactory().registerSingleton("testTokensJwtDecoder",
                            (JwtDecoder) TestTokens.decoder()))
                    .run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:" + store.port(),
                        "--logging.level.root=WARN", "--logging.level.org.diasporadesk=INFO",
                        "--spring.cloud.stream.kafka.binder.brokers=" + brokers)) {
            int port = ((WebServerApplicationContext) reporting).getWebServer().getPort();
            ApiClient api = ApiClient.local(port);

            for (int migrants : sizes) {
                queries(report, producer, api, migrants);
            }
            freshness(report, producer, port, api, seconds, rate);
        }
    }

    /** Prints a figure as soon as it is measured: a long run that is stopped still leaves what it measured. */
    private static void print(StringBuilder report, String line) {
        System.out.print(line);
        System.out.flush();
        report.append(line);
    }

    /** Publishes {@code rate} snapshots a second; every 200 ms one of them is a probe household on a followed area. */
    private static void freshness(StringBuilder report, KafkaProducer<String, byte[]> producer, int port, ApiClient api,
            int seconds, int rate) throws Exception {
        List<Long> freshness = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<long[]> probes = new ConcurrentLinkedQueue<>();
        AtomicLong published = new AtomicLong();
        // Probes are told apart by the probe municipality's count: each adds 5 to what it held before the load.
        AtomicLong probeMigrants = new AtomicLong(api.get("/figures/migrants?area=" + PROBE_MUNICIPALITY, NATIONAL)
            .body().at("/migrants/value").asLong());
        Random random = new Random(42);
        try (EventStream stream = EventStream.open(port, "/figures/live?area=" + PROBE_MUNICIPALITY, NATIONAL)) {
            Thread reader = new Thread(() -> readProbes(stream, probes, freshness), "benchmark-live-reader");
            reader.setDaemon(true);
            reader.start();
            ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
            int perTick = Math.max(1, rate / 100);
            long started = System.nanoTime();
            long planned = (long) seconds * rate;
            publisher.scheduleAtFixedRate(() -> {
                if (published.get() >= planned) {
                    return;
                }
                long tick = published.get() / perTick;
                for (int i = 0; i < perTick; i++) {
                    boolean probe = i == 0 && tick % 20 == 0;
                    String municipality = probe ? PROBE_MUNICIPALITY
                            : LOAD_MUNICIPALITIES[random.nextInt(LOAD_MUNICIPALITIES.length)];
                    EventEnvelope event = snapshot(UUID.randomUUID().toString(), 1, municipality,
                            LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28)), probe ? 5
                                    : 1 + random.nextInt(6));
                    if (probe) {
                        probes.add(new long[] { probeMigrants.addAndGet(5), System.nanoTime() });
                    }
                    send(producer, event);
                    published.incrementAndGet();
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            // The publisher stops itself after the planned number of events, which takes the load's length.
            await().atMost(Duration.ofSeconds(2L * seconds + 30)).pollInterval(Duration.ofMillis(50))
                .until(() -> published.get() >= planned);
            publisher.shutdownNow();
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            long total = published.get();
            long lastProbe = probeMigrants.get();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> api
                .get("/figures/migrants?area=" + PROBE_MUNICIPALITY, NATIONAL).body().at("/migrants/value")
                .asLong() >= lastProbe);
            double drainedSeconds = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = new ArrayList<>(freshness);
            Collections.sort(sorted);
            print(report, String.format("  freshness: %,d snapshots published in %.1f s (%.0f/s); %d probes pushed, "
                    + "event to push p50 %d ms, p99 %d ms, max %d ms; all applied %.1f s after the first was sent%n",
                    total, sendSeconds, total / sendSeconds, sorted.size(), percentile(sorted, 50),
                    percentile(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), drainedSeconds));
        }
    }

    /** Matches each pushed figure to the probes it includes: a probe counts from its send to the first push showing it. */
    private static void readProbes(EventStream stream, ConcurrentLinkedQueue<long[]> probes, List<Long> freshness) {
        try {
            for (EventStream.Event event = stream.next(Duration.ofMinutes(5)); event != null;
                    event = stream.next(Duration.ofMinutes(5))) {
                long received = System.nanoTime();
                JsonNode migrants = event.data().get("migrants");
                if (!"migrants".equals(event.name()) || migrants == null || migrants.get("value").isNull()) {
                    continue;
                }
                long shown = migrants.get("value").asLong();
                for (long[] probe = probes.peek(); probe != null && probe[0] <= shown; probe = probes.peek()) {
                    probes.poll();
                    freshness.add((received - probe[1]) / 1_000_000);
                }
            }
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private static void replay(StringBuilder report, ApiClient api) {
        ApiClient.Response started = api.post("/admin/replays", ADMINISTRATOR, "{}");
        assertThat(started.status()).isEqualTo(202);
        String progressUri = started.headers().getLocation().toString();
        long begun = System.nanoTime();
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(500)).until(() -> !api.get(progressUri,
                ADMINISTRATOR).body().get("state").asString().equals("RUNNING"));
        double seconds = (System.nanoTime() - begun) / 1e9;
        JsonNode progress = api.get(progressUri, ADMINISTRATOR).body();
        assertThat(progress.get("state").asString()).as("%s", progress).isEqualTo("COMPLETED");
        print(report, String.format("  replay: %,d events rebuilt in %.1f s: %,d events/s (service's own figure), "
                + "%,.0f events/s from request to completion%n", progress.get("applied").asLong(), seconds,
                progress.get("eventsPerSecond").asLong(), progress.get("applied").asLong() / seconds));
    }

    /**
     * Publishes households (one snapshot each) until the history holds {@code migrants} migrants, rebuilds the
     * projections from it with a replay (which is timed), then times the figure queries.
     */
    private static void queries(StringBuilder report, KafkaProducer<String, byte[]> producer, ApiClient api,
            int migrants) {
        long held = api.get("/figures/migrants?area=GE", NATIONAL).body().at("/migrants/value").asLong();
        Random random = new Random(migrants);
        long households = 0;
        long publishStarted = System.nanoTime();
        while (held < migrants) {
            int size = (int) Math.min(1 + random.nextInt(6), migrants - held);
            send(producer, snapshot(UUID.randomUUID().toString(), 1, QUERY_MUNICIPALITIES[random.nextInt(
                    QUERY_MUNICIPALITIES.length)], LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    size));
            held += size;
            households++;
        }
        producer.flush();
        print(report, String.format("  %,d more households published in %.1f s, to hold %,d migrants%n", households,
                (System.nanoTime() - publishStarted) / 1e9, migrants));
        replay(report, api);
        long national = api.get("/figures/migrants?area=GE", NATIONAL).body().at("/migrants/value").asLong();
        assertThat(national).isEqualTo(migrants);
        int requests = 200;
        for (String area : List.of("GE-IM", "GE")) {
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long begun = System.nanoTime();
                ApiClient.Response response = api.get("/figures/migrants?area=" + area, NATIONAL);
                latencies.add((System.nanoTime() - begun) / 1_000_000);
                assertThat(response.status()).isEqualTo(200);
            }
            Collections.sort(latencies);
            print(report, String.format("  query /figures/migrants?area=%s with %,d migrants: %d requests, p50 %d ms, "
                    + "p99 %d ms%n", area, migrants, requests, percentile(latencies, 50), percentile(latencies, 99)));
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, EventEnvelope event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.REGISTRY_STATISTICS.topicName(),
                event.subject(), event.data());
        CloudEventHeaders.write(event).forEach((name, value) -> record.headers().add(name, value));
        producer.send(record);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
