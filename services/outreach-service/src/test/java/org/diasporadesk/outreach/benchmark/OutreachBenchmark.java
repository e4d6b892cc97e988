package org.diasporadesk.outreach.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.outreach.OutreachApi;
import org.diasporadesk.outreach.OutreachApplication;
import org.diasporadesk.outreach.TestProviders;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign to 100,000 recipients through an SMS gateway limited to 500 messages a second, with the gateway
 * down for five minutes in the middle: time to queue everyone, dispatch throughput against the limit, drain
 * time after the outage, calls the gateway received while down, and peak heap of the service. At the end every
 * recipient must have exactly one message at the gateway and none may have failed. The store is the Mongo wire
 * server with its H2 file backend in a JVM of its own; Kafka is the in-process broker. Quiet hours are off
 * (from = until), so that the figures do not depend on the hour the benchmark runs at.
 * Run with {@code ./mvnw -Pbenchmarks -pl services/outreach-service -am verify [-Dbenchmark.recipients=100000]
 * [-Dbenchmark.outage=PT5M] [-Dbenchmark.rate=500]}.
 */
class OutreachBenchmark {

    private static final String AREA = "GE-IM";

    /** The store's file: gigabytes after a large run, deleted afterwards. */
    @TempDir
    Path dir;

    @Test
    void campaignToOneHundredThousandThroughAnOutage() throws Exception {
        int recipients = Integer.getInteger("benchmark.recipients", 100_000);
        Duration outage = Duration.parse(System.getProperty("benchmark.outage", "PT5M"));
        int rate = Integer.getInteger("benchmark.rate", 500);
        TestProviders.SmsGateway gateway = TestProviders.sms();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 100, TimeUnit.MILLISECONDS);
        try (WireServerProcess store = WireServerProcess.start(dir.resolve("outreach.mv"));
                MongoClient client = MongoClients.create("mongodb://localhost:" + store.port());
                ConfigurableApplicationContext outreach = new SpringApplicationBuilder(OutreachApplication.class)
                    .initializers(context -> context.getBeanFactory().registerSingleton("testTokensJwtDecoder",
                            (JwtDecoder) TestTokens.decoder()))
                    .run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:" + store.port(),
                        "--logging.level.root=WARN", "--logging.level.org.diasporadesk=INFO",
                        "--spring.cloud.stream.kafka.binder.brokers="
                                + TestInfrastructure.endpoints().kafkaBootstrapServers(),
                        "--ddesk.outreach.dispatch.every=100ms", "--ddesk.outreach.dispatch.batch=500",
                        "--ddesk.outreach.dispatch.quiet-from=00:00", "--ddesk.outreach.dispatch.quiet-until=00:00",
                        "--ddesk.outreach.channels.settings.sms.adapter=http",
                        "--ddesk.outreach.channels.settings.sms.endpoint=http://localhost:29080/messages",
                        "--ddesk.outreach.channels.settings.sms.token=gateway-token",
                        "--ddesk.outreach.channels.settings.sms.rate-per-second=" + rate)) {
            int port = ((WebServerApplicationContext) outreach).getWebServer().getPort();
            OutreachApi api = new OutreachApi(ApiClient.local(port),
                    TestTokens.regional(Role.OUTREACH_COORDINATOR, AREA));
            long loadStarted = System.nanoTime();
            load(client.getDatabase("outreach").getCollection("recipients"), recipients);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            peakHeap.set(0);

            long launched = System.nanoTime();
            String campaign = api.launchInformation(AREA, Map.of("occupation", "benchmark"), List.of("SMS"));
            await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("RUNNING", "COMPLETED").contains(api.status(campaign)));
            double queueSeconds = (System.nanoTime() - launched) / 1e9;

            // Dispatch until a third went out, then take the gateway down.
            long sentBefore = waitForSent(gateway, recipients / 3);
            double beforeOutageSeconds = (System.nanoTime() - launched) / 1e9;
            gateway.down(true);
            // The outage lasts its full length whatever happens meanwhile; what it cost is read just before the
            // gateway comes back, and the benchmark waits for that recovery.
            AtomicLong refusedDuringOutage = new AtomicLong();
            AtomicLong sentDuringOutage = new AtomicLong();
            sampler.schedule(() -> {
                refusedDuringOutage.set(gateway.refusedCalls());
                sentDuringOutage.set(gateway.acceptedCount() - sentBefore);
                gateway.down(false);
            }, outage.toMillis(), TimeUnit.MILLISECONDS);
            await().atMost(outage.plusMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> !gateway.isDown());
            long recovered = System.nanoTime();
            waitForSent(gateway, recipients);
            double drainSeconds = (System.nanoTime() - recovered) / 1e9;
            double totalSeconds = (System.nanoTime() - launched) / 1e9;
            // The campaign page's counts are shared for a while (a count reads every message); wait for one taken
            // after the last message went.
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.messages(campaign).get("SENT") == recipients);
            Map<String, Long> messages = api.messages(campaign);
            long duplicates = gateway.presentations().values().stream().filter(count -> count > 1).count();

            StringBuilder report = new StringBuilder(String.format("%nOutreach benchmark (Mongo wire server, H2 "
                    + "file backend in its own JVM; in-process Kafka; SMS gateway limit %d/s)%n", rate));
            report.append(String.format("  recipients loaded: %,d in %.1f s%n", recipients, loadSeconds));
            report.append(String.format("  launch to all queued: %.1f s (%,.0f messages/s)%n", queueSeconds,
                    recipients / queueSeconds));
            report.append(String.format("  dispatch before the outage: %,d sent, %.0f messages/s from launch "
                    + "(limit %d/s)%n", sentBefore, sentBefore / beforeOutageSeconds, rate));
            report.append(String.format("  outage of %s: %,d calls reached the gateway, %,d sent meanwhile%n", outage,
                    refusedDuringOutage.get(), sentDuringOutage.get()));
            report.append(String.format("  after recovery: the rest (%,d) sent in %.1f s (%.0f messages/s)%n",
                    recipients - sentBefore, drainSeconds, (recipients - sentBefore) / drainSeconds));
            report.append(String.format("  total: %.1f s from launch, outage included%n", totalSeconds));
            report.append(String.format("  at the gateway: %,d distinct messages, %,d idempotency keys presented "
                    + "twice; statuses %s%n", gateway.accepted().size(), duplicates, messages));
            report.append(String.format("  peak heap of the service during the campaign: %,d MB%n",
                    peakHeap.get() / (1024 * 1024)));
            System.out.println(report);

            assertThat(gateway.accepted()).hasSize(recipients);
            assertThat(duplicates).isZero();
            assertThat(messages.get("FAILED")).isZero();
            assertThat(messages.get("SENT")).isEqualTo(recipients);
        }
        finally {
            sampler.shutdownNow();
        }
    }

    /** Waits until the gateway accepted {@code target} messages, printing progress every 30 s; returns how many. */
    private static long waitForSent(TestProviders.SmsGateway gateway, long target) {
        AtomicLong lastReport = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (System.nanoTime() - lastReport.get() > 30e9) {
                System.out.printf("  ... %,d sent%n", gateway.acceptedCount());
                lastReport.set(System.nanoTime());
            }
            return gateway.acceptedCount() >= target;
        });
        return gateway.acceptedCount();
    }

    /** Recipients as outreach's projection holds them, written straight to the store. */
    private static void load(MongoCollection<Document> collection, int count) {
        List<Document> batch = new ArrayList<>(10_000);
        String[] municipalities = { "GE-IM-KUTAISI", "GE-IM-ZESTAPONI", "GE-IM-SAMTREDIA", "GE-IM-TSKALTUBO" };
        for (int i = 0; i < count; i++) {
            String phone = "+3069" + String.format("%08d", i);
            batch.add(new Document("_id", "bench-migrant-" + i).append("householdId", "bench-household-" + i)
                .append("sequence", 1L).append("municipalityCode", municipalities[i % municipalities.length])
                .append("name", "Migrant " + i).append("preferredLanguage", i % 3 == 0 ? "ru" : "ka")
                .append("destinationCountry", "GR").append("destinationCity", "Athens").append("phones", List.of(phone))
                .append("email", null).append("sex", i % 2 == 0 ? "FEMALE" : "MALE").append("birthYear", 1970 + i % 35)
                .append("lifecycleStage", "ABROAD").append("occupation", "benchmark").append("skills", List.of())
                .append("skillKeys", List.of()));
            if (batch.size() == 10_000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }
}
