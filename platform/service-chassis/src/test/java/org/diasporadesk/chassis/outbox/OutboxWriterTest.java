package org.diasporadesk.chassis.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.diasporadesk.chassis.outbox.OutboxWriter.Change;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Against the Mongo wire server in memory: the state, the events and the guard of every publishing write. */
class OutboxWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private OutboxWriter writer;

    /** An aggregate as a service stores it: its state, its outbox and its version. */
    @org.springframework.data.mongodb.core.mapping.Document("opt_outs")
    record OptOut(@Id String id, String how, String note, Outbox outbox, long version) {
    }

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "chassis");
        OutboxRelay relay = new OutboxRelay(mongo, null, new OutboxProperties(List.of(), Duration.ofMinutes(5), 200, 1),
                "writer-test", new SimpleMeterRegistry());
        writer = new OutboxWriter(mongo, relay, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aChangeSetsTheStateAppendsItsEventsAfterThoseStillPendingAndKeepsTheRelaysClaim() {
        OptOut inserted = writer.insert(new NewAggregate<>(outbox -> new OptOut("m-1", "SMS", "first", outbox, 0),
                "m-1", "GE-IM-KUTAISI", List.of(optedOut("SMS")), NOW), Lane.PERSON);
        mongo.updateFirst(new Query(Criteria.where("_id").is("m-1")), new Update().set("outbox.claimedBy", "relay-a"),
                "opt_outs");

        boolean written = writer.update(new Change(new OptOut("m-1", "phone", null, null, 7), "version", 0L,
                inserted.outbox(), "m-1", "GE-IM-KUTAISI", List.of(optedOut("phone"))), Lane.PERSON);

        assertThat(written).isTrue();
        Document held = mongo.findById("m-1", Document.class, "opt_outs");
        assertThat(held).containsEntry("how", "phone").containsEntry("version", 1L).doesNotContainKey("note");
        Document outbox = held.get("outbox", Document.class);
        assertThat(outbox.getString("claimedBy")).as("the relay's claim survives").isEqualTo("relay-a");
        assertThat(outbox.getList("pending", Document.class)).extracting(event -> event.get("sequence"))
            .containsExactly(1L, 2L);
        assertThat(outbox.get("sequences", Document.class)).containsEntry("OUTREACH_PEOPLE", 2L);
    }

    @Test
    void aChangeComputedFromAnOlderVersionWritesNothing() {
        OptOut inserted = writer.insert(new NewAggregate<>(outbox -> new OptOut("m-2", "SMS", null, outbox, 0),
                "m-2", "GE-IM-KUTAISI", List.of(optedOut("SMS")), NOW), Lane.BULK);
        assertThat(writer.update(new Change(new OptOut("m-2", "link", null, null, 0), "version", 0L, inserted.outbox(),
                "m-2", "GE-IM-KUTAISI", List.of()), Lane.PERSON)).isTrue();

        boolean written = writer.update(new Change(new OptOut("m-2", "phone", null, null, 0), "version", 0L,
                inserted.outbox(), "m-2", "GE-IM-KUTAISI", List.of(optedOut("phone"))), Lane.PERSON);

        assertThat(written).isFalse();
        Document held = mongo.findById("m-2", Document.class, "opt_outs");
        assertThat(held).containsEntry("how", "link").containsEntry("version", 1L);
        assertThat(held.get("outbox", Document.class).getList("pending", Document.class)).hasSize(1);
    }

    private static RecipientOptedOut optedOut(String how) {
        return new RecipientOptedOut("h-1", "m-1", "GE-IM-KUTAISI", how, NOW);
    }
}
