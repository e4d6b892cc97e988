package org.diasporadesk.chassis.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.diasporadesk.chassis.messaging.CompareAndSet;
import org.diasporadesk.events.EventPayload;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one write that publishes: an aggregate's state and the events its change produced, stored in one document
 * write, then the relay hinted. A new aggregate is inserted with its first events in its outbox; a change is written
 * only while the document still holds the version the change was computed from, its events appended to the outbox
 * with {@code $push} and only the aggregate's own fields set, so that a relay's claim on the events already pending
 * survives it. Every store adapter that publishes writes through here: state and events can neither part nor be
 * lost to a concurrent change.
 */
public class OutboxWriter {

    /** Whose write it is: see {@link OutboxRelay#hint} and {@link OutboxRelay#hintInBackground}. */
    public enum Lane {
        /** A person waits for its effect elsewhere (a registration, a correction, an erasure). */
        PERSON,
        /** Bulk work: an import's households, a campaign's messages. */
        BULK
    }

    /**
     * A new aggregate's document and its first events.
     *
     * @param document     the document, given the outbox that holds the events
     * @param id           the document's {@code _id}
     * @param subject      the events' subject and Kafka key: the aggregate id, or the household a person's event
     *                     is keyed by
     * @param municipality the territorial unit the events belong to
     * @param time         when the events happened
     */
    public record NewAggregate<D>(Function<Outbox, D> document, String id, String subject, String municipality,
            List<? extends EventPayload> events, Instant time) {

        /** Keyed by the aggregate's own id. */
        public NewAggregate(Function<Outbox, D> document, String id, String municipality,
                List<? extends EventPayload> events, Instant time) {
            this(document, id, id, municipality, events, time);
        }
    }

    /**
     * A change of a stored aggregate.
     *
     * @param state           the document as it is to be stored; its outbox and version are not written from it
     * @param versionField    the document field holding its version
     * @param expectedVersion the version the change was computed from; null for a document that has none yet (one
     *                        inserted in bulk, where the mapping does not set it)
     * @param held            the outbox read with that version
     */
    public record Change(Object state, String versionField, Long expectedVersion, Outbox held, String id,
            String subject, String municipality, List<? extends EventPayload> events) {

        /** Keyed by the aggregate's own id. */
        public Change(Object state, String versionField, Long expectedVersion, Outbox held, String id,
                String municipality, List<? extends EventPayload> events) {
            this(state, versionField, expectedVersion, held, id, id, municipality, events);
        }
    }

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    public OutboxWriter(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** Inserts a new aggregate with its events, its first at the time the events happened. */
    public <D> D insert(NewAggregate<D> aggregate, Lane lane) {
        D document = documentOf(aggregate);
        mongo.insert(document);
        if (!aggregate.events().isEmpty()) {
            hint(mongo.getCollectionName(document.getClass()), aggregate.id(), lane);
        }
        return document;
    }

    /**
     * Inserts new aggregates in one unordered bulk write, skipping those whose id is held already (an import or a
     * reminder round offered again), and hints the relay for each inserted.
     *
     * @return how many were inserted
     */
    public <D> int insertAll(List<NewAggregate<D>> aggregates, Lane lane) {
        if (aggregates.isEmpty()) {
            return 0;
        }
        List<D> documents = aggregates.stream().map(OutboxWriter::documentOf).toList();
        Class<?> type = documents.get(0).getClass();
        Set<Integer> held = Set.of();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type).insert(documents).execute();
        }
        catch (BulkOperationException someHeld) {
            List<BulkWriteError> refused = someHeld.getErrors();
            if (refused.stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw someHeld;
            }
            held = refused.stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
        }
        String collection = mongo.getCollectionName(type);
        for (int i = 0; i < aggregates.size(); i++) {
            if (!held.contains(i) && !aggregates.get(i).events().isEmpty()) {
                hint(collection, aggregates.get(i).id(), lane);
            }
        }
        return aggregates.size() - held.size();
    }

    /**
     * Writes a change while the document holds the version it was computed from: its fields set (those now null
     * removed), the version raised by one, its events appended to the outbox. Events are stamped now.
     *
     * @return false, writing nothing, when the document no longer holds that version
     */
    public boolean update(Change change, Lane lane) {
        Class<?> type = change.state().getClass();
        String collection = mongo.getCollectionName(type);
        Document fields = new Document();
        mongo.getConverter().write(change.state(), fields);
        fields.remove("_id");
        fields.remove(Outbox.FIELD);
        fields.remove(change.versionField());
        Update update = new Update();
        fields.forEach(update::set);
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !field.equals(Outbox.FIELD) && !field.equals(change.versionField())
                    && !fields.containsKey(field)) {
                update.unset(field);
            }
        });
        update.set(change.versionField(), change.expectedVersion() == null ? 1 : change.expectedVersion() + 1);
        if (!change.events().isEmpty()) {
            Outbox appended = change.held().appendAll(change.events(), change.subject(), change.municipality(),
                    clock.instant());
            appended.sequences().forEach((stream, sequence) -> {
                if (!sequence.equals(change.held().sequences().get(stream))) {
                    update.set(Outbox.FIELD + ".sequences." + stream, sequence);
                }
            });
            List<Object> added = new ArrayList<>();
            appended.pending().subList(change.held().pending().size(), appended.pending().size())
                .forEach(event -> added.add(mongo.getConverter().convertToMongoType(event)));
            update.push(Outbox.FIELD + ".pending").each(added.toArray());
        }
        boolean written = mongo.updateFirst(CompareAndSet.expecting(change.id(), change.versionField(),
                change.expectedVersion()), update, collection).getMatchedCount() == 1;
        if (written && !change.events().isEmpty()) {
            hint(collection, change.id(), lane);
        }
        return written;
    }

    private static <D> D documentOf(NewAggregate<D> aggregate) {
        return aggregate.document().apply(Outbox.empty().appendAll(aggregate.events(), aggregate.subject(),
                aggregate.municipality(), aggregate.time()));
    }

    private void hint(String collection, String id, Lane lane) {
        if (lane == Lane.PERSON) {
            relay.hint(collection, id);
        } else {
            relay.hintInBackground(collection, id);
        }
    }
}
