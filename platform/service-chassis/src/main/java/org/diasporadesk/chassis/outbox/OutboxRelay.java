package org.diasporadesk.chassis.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the pending events of aggregate documents in per-aggregate order, then removes exactly the ones Kafka
 * confirmed, for all the documents of a pass in one bulk write. A crash between the two only means the event is sent
 * again, which consumers tolerate (they dedupe by sequence or event id). A pass first claims its documents for a
 * lease ({@link #CLAIM_LEASE}), so that the relays of several instances of a service never publish one event twice.
 * A failed send stops that aggregate's pass so that its later events cannot overtake the failed one; it is retried
 * and counted.
 *
 * <p>Writers {@link #hint} the relay with the document they wrote, and it publishes that document at once, reading
 * the documents hinted meanwhile by primary key, in one query per collection; bulk writers hint in the background
 * ({@link #hintInBackground}), behind people's writes. A sweep over every outbox collection
 * finds what no hint announced: at start (documents written before a crash), soon after a failed send, and
 * otherwise every {@code sweep-interval} as a safety net. The sweep is the only query that is not by key: a sparse
 * index on the pending events' ids, declared at start in every outbox collection, holds just the documents with
 * something to publish, so a sweep reads those and not the collection.
 *
 * <p>The documents of a pass are published by {@code publishers} threads at once, each document by one of them, and
 * the next pass starts when all are done: an aggregate's events stay in order, and Kafka orders nothing across
 * aggregates anyway (their keys spread them over partitions).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING = Outbox.FIELD + ".pending";
    private static final String PENDING_EVENT_IDS = PENDING + ".eventId";
    private static final String CLAIMED_BY = Outbox.FIELD + ".claimedBy";
    private static final String CLAIMED_UNTIL = Outbox.FIELD + ".claimedUntil";
    /** How long a pass holds its documents at most: a relay that died in a pass leaves them to others after it. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(60);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final String source;
    private final MeterRegistry meters;
    private final AtomicLong backlog = new AtomicLong();
    /** Hints of a person's writes at the head, of bulk writes at the tail: see {@link #hintInBackground}. */
    private final BlockingDeque<Hint> hints = new LinkedBlockingDeque<>();
    /** Set when a send failed: the failed document has no hint left, so a sweep must find it. */
    private volatile boolean sweepSoon;
    private volatile boolean running;
    private Thread worker;
    private ExecutorService publishing;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            String applicationName, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.source = "/diaspora-desk/" + applicationName;
        this.meters = meters;
        meters.gauge("ddesk.outbox.backlog", backlog);
    }

    private record Hint(String collection, Object id) {
    }

    /**
     * Tells the relay that a document of an outbox collection now has pending events, written by a person who waits
     * for its effect elsewhere (a registration, a correction, an erasure): published before any bulk work waiting.
     * Never blocks.
     */
    public void hint(String collection, Object id) {
        hints.offerFirst(new Hint(collection, id));
    }

    /**
     * As {@link #hint}, for a document of bulk work (an import's households, a campaign's messages): published in
     * turn, after the hints of people's writes, so that a registration made while an import's events drain reaches
     * the other services at once rather than after thousands of imported households.
     */
    public void hintInBackground(String collection, Object id) {
        hints.offerLast(new Hint(collection, id));
    }

    /**
     * What one sweep did.
     *
     * @param published events published
     * @param fullBatch whether a collection filled the batch, so that more may be pending behind it
     */
    private record Swept(int published, boolean fullBatch) {
    }

    /**
     * Sweeps every outbox collection once. The backlog gauge then shows the documents this sweep found pending
     * (at most {@code batch-size} per collection).
     */
    private Swept sweep() throws InterruptedException {
        int published = 0;
        long found = 0;
        boolean fullBatch = false;
        for (String collection : properties.collections()) {
            Query pendingDocuments = new Query(Criteria.where(PENDING_EVENT_IDS).exists(true))
                .limit(properties.batchSize());
            pendingDocuments.fields().include("_id");
            List<Object> ids = mongo.find(pendingDocuments, Document.class, collection).stream()
                .map(document -> document.get("_id")).toList();
            List<Document> claimed = claim(collection, ids);
            if (claimed.size() < ids.size()) {
                sweepSoon = true; // held by another pass: again once its lease may have run out
            }
            published += publishAll(collection, claimed);
            found += ids.size();
            fullBatch |= ids.size() == properties.batchSize();
        }
        backlog.set(found);
        return new Swept(published, fullBatch);
    }

    /** Reads the hinted documents of a collection in one query by primary key ({@code $in}), then publishes each. */
    private void publishHinted(List<Hint> batch) throws InterruptedException {
        Map<String, Set<Object>> idsPerCollection = new LinkedHashMap<>();
        for (Hint hint : batch) {
            idsPerCollection.computeIfAbsent(hint.collection(), collection -> new LinkedHashSet<>()).add(hint.id());
        }
        for (Map.Entry<String, Set<Object>> hinted : idsPerCollection.entrySet()) {
            String collection = hinted.getKey();
            publishAll(collection, claim(collection, hinted.getValue()));
        }
    }

    /**
     * Claims those of the documents that have pending events and that no other pass holds (of this relay or of
     * another instance's), and reads them: a document's events are published by one pass at a time, so two
     * instances never publish the same event twice. Two round trips: one bulk write of a conditional update per
     * document, each by its {@code _id}, and one read of the documents by {@code _id}.
     */
    private List<Document> claim(String collection, Collection<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String pass = UUID.randomUUID().toString();
        Instant now = Instant.now();
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        Update claim = new Update().set(CLAIMED_BY, pass).set(CLAIMED_UNTIL, now.plus(CLAIM_LEASE));
        for (Object id : ids) {
            claims.updateOne(new Query(Criteria.where("_id").is(id).and(PENDING + ".0").exists(true)
                .orOperator(Criteria.where(CLAIMED_UNTIL).exists(false), Criteria.where(CLAIMED_UNTIL).lt(now))),
                    claim);
        }
        claims.execute();
        // In the order asked for, which puts the documents of people's writes first: the store answers in its own.
        Map<Object, Integer> order = new HashMap<>();
        ids.forEach(id -> order.putIfAbsent(id, order.size()));
        return mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, collection).stream()
            .filter(document -> {
                Document outbox = document.get(Outbox.FIELD, Document.class);
                return outbox != null && pass.equals(outbox.getString("claimedBy"));
            })
            .sorted(Comparator.comparing(document -> order.getOrDefault(document.get("_id"), Integer.MAX_VALUE)))
            .toList();
    }

    /**
     * Publishes the documents, several at once, then takes the events Kafka confirmed off their documents in one bulk
     * write, and returns how many were published once every document's pass is over, failed or not: a document must
     * not be in two passes at a time.
     */
    private int publishAll(String collection, List<Document> documents) throws InterruptedException {
        List<Future<Sent>> passes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            passes.add(publishing.submit(() -> publishDocument(document)));
        }
        List<Sent> confirmed = new ArrayList<>(documents.size());
        RuntimeException failure = null;
        for (Future<Sent> pass : passes) {
            try {
                Sent sent = pass.get();
                if (!sent.eventIds().isEmpty()) {
                    confirmed.add(sent);
                }
            }
            catch (ExecutionException ex) {
                failure = ex.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(ex);
            }
        }
        if (!documents.isEmpty()) {
            // Every claimed document is released, its confirmed events taken off; by id alone, since a writer that
            // replaced the document meanwhile took the claim with it.
            Map<Object, List<String>> sentById = new HashMap<>();
            confirmed.forEach(sent -> sentById.put(sent.id(), sent.eventIds()));
            BulkOperations releases = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            for (Document document : documents) {
                Update release = new Update().unset(CLAIMED_BY).unset(CLAIMED_UNTIL);
                List<String> sent = sentById.get(document.get("_id"));
                if (sent != null) {
                    release.pull(PENDING, new Document("eventId", new Document("$in", sent)));
                }
                releases.updateOne(new Query(Criteria.where("_id").is(document.get("_id"))), release);
            }
            releases.execute();
        }
        if (failure != null) {
            throw failure;
        }
        return confirmed.stream().mapToInt(sent -> sent.eventIds().size()).sum();
    }

    /** The events of one document that Kafka confirmed, in order. */
    private record Sent(Object id, List<String> eventIds) {
    }

    private Sent publishDocument(Document document) {
        Document outbox = document.get(Outbox.FIELD, Document.class);
        List<String> sent = new ArrayList<>();
        if (outbox == null) {
            return new Sent(document.get("_id"), sent);
        }
        for (Document raw : outbox.getList("pending", Document.class)) {
            PendingEvent event = mongo.getConverter().read(PendingEvent.class, raw);
            try {
                publisher.publish(event.topic(), event.envelope(source));
                sent.add(event.eventId());
                meters.counter("ddesk.events.published", "type", event.type()).increment();
            }
            catch (RuntimeException ex) {
                sweepSoon = true;
                meters.counter("ddesk.outbox.publish.failures", "type", event.type()).increment();
                log.warn("Could not publish event {} ({}) of {}; it stays pending and the next sweep retries it: {}",
                        event.eventId(), event.type(), event.subject(), ex.getMessage());
                break;
            }
        }
        return new Sent(document.get("_id"), sent);
    }

    private void run() {
        long nextSweep = 0;
        while (running) {
            try {
                if (System.nanoTime() - nextSweep >= 0) {
                    sweepSoon = false;
                    // Again only while a full batch may hide more behind it: documents that became pending meanwhile
                    // come with hints.
                    Swept swept;
                    do {
                        swept = sweep();
                    } while (swept.fullBatch() && swept.published() > 0 && running);
                    nextSweep = System.nanoTime() + properties.sweepInterval().toNanos();
                }
                else if (sweepSoon) {
                    nextSweep = Math.min(nextSweep, System.nanoTime() + RETRY_AFTER_FAILURE.toNanos());
                }
                Hint first = hints.poll(Math.max(0, nextSweep - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    List<Hint> batch = new ArrayList<>(List.of(first));
                    hints.drainTo(batch, properties.batchSize() - 1);
                    publishHinted(batch);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException ex) {
                log.warn("Outbox relay pass failed; the next sweep in {} retries: {}", properties.sweepInterval(),
                        ex.toString());
            }
        }
    }

    @Override
    public void start() {
        if (properties.collections().isEmpty()) {
            return; // a service that writes no events has nothing to relay
        }
        for (String collection : properties.collections()) {
            mongo.indexOps(collection).createIndex(new Index().on(PENDING_EVENT_IDS, Sort.Direction.ASC).sparse()
                .named("outbox_pending"));
        }
        running = true;
        AtomicInteger publishers = new AtomicInteger();
        publishing = Executors.newFixedThreadPool(properties.publishers(),
                task -> new Thread(task, "outbox-publisher-" + publishers.incrementAndGet()));
        worker = new Thread(this::run, "outbox-relay");
        worker.start();
    }

    /** Lets the current pass finish; pending events stay in the documents for the next start. */
    @Override
    public void stop() {
        running = false;
        if (worker == null) {
            return;
        }
        worker.interrupt();
        publishing.shutdown(); // the pass's documents already handed out are still published
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
            if (!publishing.awaitTermination(10, TimeUnit.SECONDS)) {
                // Sends still waiting on the broker: their events stay pending and go out after the next start.
                publishing.shutdownNow();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the binder's producers, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
