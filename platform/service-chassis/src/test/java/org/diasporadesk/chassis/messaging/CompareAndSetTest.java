package org.diasporadesk.chassis.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** Against the Mongo wire server in memory: a compare-and-set whose version moved on collides on the id. */
class CompareAndSetTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "chassis");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anUpsertWhoseVersionMovedOnCollidesOnTheId() {
        mongo.insert(new Document("_id", "ticket-1").append("version", 2L), "tickets");

        assertThatThrownBy(() -> mongo.upsert(CompareAndSet.expecting("ticket-1", "version", 1L),
                new Update().set("version", 3L), "tickets"))
            .isInstanceOf(DuplicateKeyException.class);
        mongo.upsert(CompareAndSet.expecting("ticket-1", "version", 2L), new Update().set("version", 3L), "tickets");

        assertThat(mongo.findAll(Document.class, "tickets")).extracting(held -> held.get("version"))
            .isEqualTo(List.of(3L));
    }
}
