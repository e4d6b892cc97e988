package org.diasporadesk.chassis.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the pending events of aggregate documents in per-aggregate order, then removes exactly the
 * ones Kafka confirmed. A crash between the two only means the event is sent again, which consumers
 * tolerate (they dedupe by sequence or event id). A failed send stops that aggregate's pass so that its
 * later events cannot overtake the failed one; it is retried on the next pass and counted.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING = Outbox.FIELD + ".pending";

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final String source;
    private final MeterRegistry meters;
    private final AtomicLong backlog = new AtomicLong();
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            String applicationName, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.source = "/diaspora-desk/" + applicationName;
        this.meters = meters;
        meters.gauge("ddesk.outbox.backlog", backlog);
    }

    /** One pass over every outbox collection; returns how many events were published. */
    public int publishPending() {
        int published = 0;
        long waiting = 0;
        for (String collection : properties.collections()) {
            Query pendingDocuments = new Query(Criteria.where(PENDING + ".0").exists(true));
            waiting += mongo.count(pendingDocuments, collection);
            for (Document document : mongo.find(pendingDocuments.limit(properties.batchSize()), Document.class,
                    collection)) {
                published += publishDocument(collection, document);
            }
        }
        backlog.set(Math.max(0, waiting));
        return published;
    }

    private int publishDocument(String collection, Document document) {
        List<String> sent = new ArrayList<>();
        for (Document raw : document.get(Outbox.FIELD, Document.class).getList("pending", Document.class)) {
            PendingEvent event = mongo.getConverter().read(PendingEvent.class, raw);
            try {
                publisher.publish(event.topic(), event.envelope(source));
                sent.add(event.eventId());
                meters.counter("ddesk.events.published", "type", event.type()).increment();
            }
            catch (RuntimeException ex) {
                meters.counter("ddesk.outbox.publish.failures", "type", event.type()).increment();
                log.warn("Could not publish event {} ({}) of {}; it stays pending and is retried: {}",
                        event.eventId(), event.type(), event.subject(), ex.getMessage());
                break;
            }
        }
        if (!sent.isEmpty()) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull(PENDING, new Document("eventId", new Document("$in", sent))), collection);
        }
        return sent.size();
    }

    @Override
    public void start() {
        if (properties.collections().isEmpty()) {
            return; // a service that writes no events has nothing to relay
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::passSafely, 0, properties.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void passSafely() {
        try {
            while (publishPending() > 0) {
                // keep draining while there is work; pause only when a pass finds nothing
            }
        }
        catch (RuntimeException ex) {
            log.warn("Outbox relay pass failed; retrying in {}: {}", properties.pollInterval(), ex.toString());
        }
    }

    @Override
    public void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Start after the binder's producers, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
