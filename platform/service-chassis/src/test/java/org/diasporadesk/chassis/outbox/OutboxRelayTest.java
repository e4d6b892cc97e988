package org.diasporadesk.chassis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.diasporadesk.events.EventEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The relay on its own, against the Mongo wire server in memory and a publisher that records what it is given (and
 * fails or lingers when told to): the order of each aggregate's events, the sweep that finds what no hint announced,
 * a failed send retried, people's writes ahead of bulk work, and two instances that publish every event once.
 */
class OutboxRelayTest {

    private static final String COLLECTION = "aggregates";

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final RecordingPublisher publisher = new RecordingPublisher();

    /** An aggregate as a service stores it: its state (none here) and its outbox. */
    record Aggregate(@Id String id, Outbox outbox) {
    }

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "chassis");
    }

    @AfterEach
    void stopAll() {
        relays.forEach(OutboxRelay::stop);
        client.close();
        server.shutdownNow();
    }

    @Test
    void eachAggregatesEventsArePublishedInOrderOnceAndThenTakenOffIt() {
        OutboxRelay relay = started(8);
        List<String> ids = insertAggregates("a", 30, 3);
        ids.forEach(id -> relay.hint(COLLECTION, id));

        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.sent().size() == 90);

        Map<String, List<Long>> sequences = publisher.sent().stream().collect(Collectors.groupingBy(Sent::subject,
                Collectors.mapping(Sent::sequence, Collectors.toList())));
        assertThat(sequences).hasSize(30).allSatisfy((subject, sent) -> assertThat(sent).containsExactly(1L, 2L, 3L));
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingDocuments() == 0);
        assertThat(publisher.sent()).extracting(Sent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void eventsLeftPendingBeforeAStartArePublishedByTheSweepWithoutAnyHint() {
        insertAggregates("before-crash", 10, 2);

        started(8);

        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.sent().size() == 20);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingDocuments() == 0);
    }

    @Test
    void aFailedSendIsRetriedAndTheAggregatesLaterEventsWaitForIt() {
        publisher.failOnce(event -> event.subject().equals("flaky-0") && event.sequence() == 2);
        OutboxRelay relay = started(8);
        insertAggregates("flaky", 1, 3).forEach(id -> relay.hint(COLLECTION, id));

        // The retry comes with the sweep a few seconds after the failure.
        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.sent().size() == 3);

        assertThat(publisher.sent()).extracting(Sent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(publisher.attempts()).as("the first event, confirmed, is not sent again").isEqualTo(4);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingDocuments() == 0);
    }

    @Test
    void aPersonsWriteIsPublishedBeforeTheBulkWorkWaitingInTheRelay() {
        publisher.lingerMillis(2);
        // Its sweep looks elsewhere: only the hints' order decides, not a sweep that may find the documents first.
        OutboxRelay relay = started(1, List.of("elsewhere"));
        List<String> imported = insertAggregates("imported", 300, 1);
        String registered = insertAggregates("registered", 1, 1).get(0);

        imported.forEach(id -> relay.hintInBackground(COLLECTION, id));
        relay.hint(COLLECTION, registered);

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.sent().size() == 301);
        int position = publisher.sent().stream().map(Sent::subject).toList().indexOf(registered);
        // A pass takes at most 200 hints: in the pass after the one running, not behind all 300.
        assertThat(position).isLessThanOrEqualTo(200);
    }

    @Test
    void twoInstancesPublishEveryEventOnceAndLoseNone() {
        publisher.lingerMillis(1);
        List<String> ids = insertAggregates("shared", 150, 2);
        OutboxRelay one = started(4);
        OutboxRelay other = started(4);
        // Both start with a sweep over the same pending documents, and both are hinted about every one of them.
        ids.forEach(id -> {
            one.hint(COLLECTION, id);
            other.hint(COLLECTION, id);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingDocuments() == 0);

        assertThat(publisher.sent()).hasSize(300);
        assertThat(publisher.sent()).extracting(Sent::eventId).doesNotHaveDuplicates();
    }

    private OutboxRelay started(int publishers) {
        return started(publishers, List.of(COLLECTION));
    }

    private OutboxRelay started(int publishers, List<String> swept) {
        OutboxRelay relay = new OutboxRelay(mongo, publisher, new OutboxProperties(swept, Duration.ofMinutes(5), 200,
                publishers), "relay-test", new SimpleMeterRegistry());
        relay.start();
        relays.add(relay);
        return relay;
    }

    /** Aggregates {@code prefix-0}, {@code prefix-1}, … with {@code events} pending events each, sequences from 1. */
    private List<String> insertAggregates(String prefix, int count, int events) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        mongo.insert(ids.stream().map(id -> new Aggregate(id, new Outbox(Map.of("TEST", (long) events),
                IntStream.rangeClosed(1, events).mapToObj(sequence -> new PendingEvent(id + "/" + sequence,
                        "test-event.v1", "ddesk.test.v1", id, "GE-IM-KUTAISI", sequence, Instant.now(), "{}"))
                    .toList())))
            .toList(), COLLECTION);
        return ids;
    }

    private long pendingDocuments() {
        return mongo.count(new Query(Criteria.where(Outbox.FIELD + ".pending.0").exists(true)), COLLECTION);
    }

    record Sent(String eventId, String subject, long sequence) {
    }

    /** Records every event it is given, in the order sends completed; fails or lingers when told to. */
    static final class RecordingPublisher extends EventPublisher {

        private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> failed = ConcurrentHashMap.newKeySet();
        private volatile Function<Sent, Boolean> failOnce = event -> false;
        private volatile long lingerMillis;
        private volatile int attempts;

        RecordingPublisher() {
            super(null);
        }

        @Override
        public synchronized void publish(String topic, EventEnvelope envelope) {
            attempts++;
            Sent event = new Sent(envelope.id(), envelope.subject(), envelope.sequence());
            if (failOnce.apply(event) && failed.add(event.eventId())) {
                throw new IllegalStateException("broker unavailable");
            }
            if (lingerMillis > 0) {
                try {
                    Thread.sleep(lingerMillis);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.add(event);
        }

        void failOnce(Function<Sent, Boolean> which) {
            failOnce = which;
        }

        void lingerMillis(long millis) {
            lingerMillis = millis;
        }

        List<Sent> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }

        int attempts() {
            return attempts;
        }
    }
}
