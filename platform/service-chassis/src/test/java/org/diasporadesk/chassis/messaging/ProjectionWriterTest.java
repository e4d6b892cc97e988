package org.diasporadesk.chassis.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** Against the Mongo wire server in memory: events applied once each, in sequence, whatever order they come in. */
class ProjectionWriterTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ProjectionWriter writer;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "chassis");
        writer = new ProjectionWriter(mongo);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aNewerEventChangesTheDocumentAndARedeliveredOrOvertakenOneChangesNothing() {
        assertThat(writer.updateIfNewer("profiles", "household-1", 2, new Update().set("migrants", 2))).isTrue();
        assertThat(writer.updateIfNewer("profiles", "household-1", 2, new Update().set("migrants", 9)))
            .as("redelivered").isFalse();
        assertThat(writer.updateIfNewer("profiles", "household-1", 1, new Update().set("migrants", 1)))
            .as("overtaken").isFalse();
        assertThat(writer.updateIfNewer("profiles", "household-1", 3, new Update().set("migrants", 3))).isTrue();

        Document held = mongo.findById("household-1", Document.class, "profiles");
        assertThat(held).containsEntry("migrants", 3).containsEntry(ProjectionWriter.SEQUENCE, 3L);
        assertThat(mongo.getCollection("profiles").countDocuments()).isEqualTo(1);
    }
}
