package org.diasporadesk.hotline.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.hotline.HotlineApplication;
import org.diasporadesk.hotline.callers.application.CallerDirectory;
import org.diasporadesk.testsupport.BenchmarkConditions;
import org.diasporadesk.testsupport.TestInfrastructure;
import org.diasporadesk.testsupport.TestTokens;
import org.diasporadesk.testsupport.WireServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The hotline's two figures under load, against the Mongo wire server with its H2 file backend in a JVM of its
 * own (as in the local stack) and the in-process Kafka broker: caller lookup latency with 17,356 and with
 * 1,000,000 registry contacts (it must not grow with size), measured on the directory alone and through
 * {@code GET /callers} as agents call it; and ticket creation latency at a steady 200 requests a second, after
 * 10 seconds of the same load to warm up. Beside each figure it prints the store commands per request (the
 * driver's {@link CommandListener}, a count that predicts MongoDB's cost) and the conditions of the run
 * ({@link BenchmarkConditions}: the JVMs' pauses, CPU used by others or stolen), which latency tails depend on.
 * Run with {@code ./mvnw -Pbenchmarks -pl services/hotline-service -am verify [-Dbenchmark.contacts=17356]}.
 */
class HotlineBenchmark {

    private static final String OFFICE = "GE-IM-KUTAISI";
    private static final int LOOKUPS = 20_000;

    /** The store's file: gigabytes after a large run, deleted afterwards. */
    @TempDir
    Path dir;

    @Test
    void callerLookupAndTicketCreation() throws Exception {
        LongAdder commands = new LongAdder();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.increment();
            }
        };
        try (WireServerProcess store = WireServerProcess.start(dir.resolve("hotline.mv"));
                MongoClient client = MongoClients.create("mongodb://localhost:" + store.port());
                // The test issuer's keys, as in the integration tests; the store and broker are set below.
                ConfigurableApplicationContext hotline = new SpringApplicationBuilder(HotlineApplication.class)
                    .initializers(context -> {
                        context.getBeanFactory().registerSingleton("testTokensJwtDecoder",
                                (JwtDecoder) TestTokens.decoder());
                        context.getBeanFactory().registerSingleton("commandCounter",
                                (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(counter));
                    })
                    .run(
                        "--server.port=0", "--spring.mongodb.uri=mongodb://localhost:" + store.port(),
                        "--logging.level.root=WARN",
                        "--spring.cloud.stream.kafka.binder.brokers="
                                + TestInfrastructure.endpoints().kafkaBootstrapServers())) {
            MongoCollection<Document> phones = client.getDatabase("hotline").getCollection("caller_phones");
            CallerDirectory directory = hotline.getBean(CallerDirectory.class);
            int port = ((WebServerApplicationContext) hotline).getWebServer().getPort();
            String token = TestTokens.municipal(Role.HOTLINE_AGENT, OFFICE);
            HttpClient http = HttpClient.newHttpClient();

            StringBuilder report = new StringBuilder(String.format("%nHotline benchmark (Mongo wire server, H2 file "
                    + "backend, own JVM; in-process Kafka; %d lookups per size, random known numbers)%n", LOOKUPS));
            int loaded = 0;
            for (int contacts : sizes()) {
                long started = System.nanoTime();
                loaded = load(phones, loaded, contacts);
                report.append(String.format("  %,d contacts (loaded in %.0f s)%n", contacts,
                        (System.nanoTime() - started) / 1e9));
                SplittableRandom random = new SplittableRandom(contacts);
                BenchmarkConditions conditions = BenchmarkConditions.start(store);
                long[] direct = measure(LOOKUPS, () -> directory.callersAt(phone(random.nextInt(contacts))));
                commands.reset();
                long[] api = measure(LOOKUPS, () -> get(http, port, token, phone(random.nextInt(contacts))));
                report.append(line("    directory lookup", direct)).append(line("    GET /callers     ", api))
                    .append(String.format("    store commands: %.2f per GET /callers%n",
                            commands.sum() / (LOOKUPS * 1.1)))
                    .append(conditions.report());
            }
            // Warm-up at the same rate, not measured, as for the lookups: the first requests compile the path.
            ticketCreation(http, port, token, 200, Duration.ofSeconds(10));
            BenchmarkConditions conditions = BenchmarkConditions.start(store);
            commands.reset();
            report.append(ticketCreation(http, port, token, 200, Duration.ofSeconds(20)))
                .append(String.format("    store commands: %.2f per ticket, all the service sent "
                        + "meanwhile (the relay's included)%n", commands.sum() / (200.0 * 20)))
                .append(conditions.report());
            System.out.println(report);
        }
    }

    /** {@code -Dbenchmark.contacts=17356,1000000} (the default): the registry sizes to measure lookups at. */
    private static int[] sizes() {
        return Arrays.stream(System.getProperty("benchmark.contacts", "17356,1000000").split(","))
            .mapToInt(size -> Integer.parseInt(size.strip()))
            .toArray();
    }

    /** Registry contacts as the hotline's projection holds them: one document per number, keyed by it. */
    private static int load(MongoCollection<Document> phones, int from, int to) {
        List<Document> batch = new ArrayList<>(5_000);
        for (int i = from; i < to; i++) {
            batch.add(new Document("_id", phone(i)).append("callers", List.of(new Document("kind", "MIGRANT")
                .append("name", "Migrant " + i).append("householdId", "h-" + i).append("migrantId", "m-" + i)
                .append("municipalityCode", OFFICE).append("timeZone", "Europe/Athens"))));
            if (batch.size() == 5_000) {
                phones.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            phones.insertMany(batch);
        }
        return to;
    }

    private static String phone(int i) {
        return String.format("+3069%08d", i);
    }

    private static void get(HttpClient http, int port, String token, String phone) {
        try {
            URI lookup = URI.create("http://localhost:" + port + "/callers?phone=" + phone.replace("+", "%2B"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(lookup)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("MIGRANT")) {
                throw new IllegalStateException("lookup of " + phone + " answered " + response.statusCode());
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Sorted latencies in microseconds, after a warm-up of a tenth as many calls. */
    private static long[] measure(int calls, Runnable call) {
        for (int i = 0; i < calls / 10; i++) {
            call.run();
        }
        long[] micros = new long[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }

    /**
     * Opens tickets at a fixed rate, whatever the answers' latency (open model), and reports the latencies, each from
     * the moment its request was due. Requests go out from a pool of sending threads: the HTTP client's asynchronous
     * API completes each answer on a new thread when the common pool has a single thread (two cores), which put 200
     * thread starts a second into the measured JVM and into the measured latencies.
     */
    private static String ticketCreation(HttpClient http, int port, String token, int perSecond, Duration length)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        SplittableRandom random = new SplittableRandom(7);
        int total = (int) (length.toSeconds() * perSecond);
        CountDownLatch dispatched = new CountDownLatch(total);
        pacer.scheduleAtFixedRate(() -> {
            if (dispatched.getCount() == 0) {
                return;
            }
            long dueAt = System.nanoTime();
            String body = "{\"phone\":\"" + phone(random.nextInt(17_356)) + "\",\"topic\":\"remittances\"}";
            senders.execute(() -> {
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/tickets")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 201) {
                        failures.add(response.statusCode());
                    }
                }
                catch (Exception ex) {
                    failures.add(0);
                }
                latencies.add((System.nanoTime() - dueAt) / 1_000);
            });
            dispatched.countDown();
        }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
        if (!dispatched.await(length.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the pacer sent " + (total - dispatched.getCount()) + " of " + total);
        }
        pacer.shutdown();
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("  ticket creation, POST /tickets at %d/s for %d s: %,d tickets, %d failed%n", perSecond,
                length.toSeconds(), sorted.length, failures.size()) + line("    POST /tickets    ", sorted);
    }

    private static String line(String what, long[] micros) {
        return String.format("%s p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms%n", what, percentile(micros, 50) / 1000.0,
                percentile(micros, 99) / 1000.0, micros[micros.length - 1] / 1000.0);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
