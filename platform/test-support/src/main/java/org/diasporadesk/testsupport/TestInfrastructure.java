package org.diasporadesk.testsupport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker and MongoDB server the tests of one JVM share, chosen once.
 *
 * <p>Where a Docker engine answers, real {@code apache/kafka} and {@code mongo} containers; otherwise the
 * in-process KRaft broker (the real broker code) and the Mongo wire-protocol server. The system property or
 * environment variable {@code ddesk.test.infrastructure} ({@code containers} or {@code embedded}) forces a
 * mode. Started lazily, stopped when the JVM exits.
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "ddesk.test.infrastructure";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static Endpoints endpoints;

    private TestInfrastructure() {
    }

    /** Where the tests find Kafka and MongoDB. */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri, String mode) {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            long started = System.nanoTime();
            endpoints = useContainers() ? startContainers() : startEmbedded();
            log.info("Test infrastructure ({}) ready in {} ms: kafka={} mongo={}", endpoints.mode(),
                    (System.nanoTime() - started) / 1_000_000, endpoints.kafkaBootstrapServers(), endpoints.mongoUri());
        }
        return endpoints;
    }

    private static boolean useContainers() {
        String forced = System.getProperty(MODE_PROPERTY, System.getenv("DDESK_TEST_INFRASTRUCTURE"));
        if (forced != null && !forced.isBlank()) {
            return switch (forced.toLowerCase(Locale.ROOT)) {
                case "containers" -> true;
                case "embedded" -> false;
                default -> throw new IllegalArgumentException(
                        MODE_PROPERTY + " must be 'containers' or 'embedded', was '" + forced + "'");
            };
        }
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 2);
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitSpringContextsClosed();
            mongo.shutdownNow();
            kafka.destroy();
        }, "test-infrastructure-shutdown"));
        return new Endpoints(kafka.getBrokersAsString(),
                "mongodb://" + address.getHostString() + ":" + address.getPort(), "embedded");
    }

    /**
     * The JVM runs its shutdown hooks at once; the store and the broker outlive the test contexts that use them, so
     * that an outbox relay still publishing at exit finishes its sends instead of waiting on a broker gone.
     */
    private static void awaitSpringContextsClosed() {
        try {
            // The hooks start together: Spring's may not be running yet when this one looks for it.
            Thread spring = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(TestInfrastructure::springShutdownHook, Optional::isPresent).orElseThrow();
            spring.join(20_000);
        }
        catch (ConditionTimeoutException noSpringContext) {
            // Nothing of Spring's to wait for.
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Thread> springShutdownHook() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
            .findFirst();
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        return new Endpoints(kafka.getBootstrapServers(), mongo.getConnectionString(), "containers");
    }
}
