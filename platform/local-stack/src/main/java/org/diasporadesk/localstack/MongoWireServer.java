package org.diasporadesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import de.bwaldvogel.mongo.MongoServer;
import org.diasporadesk.wirestore.WireStoreBackend;

/**
 * The MongoDB wire-protocol server (mongo-java-server) with its H2 file backend, typed ({@link WireStoreBackend}):
 * the services talk to it as to MongoDB, and the data stays in {@code mongo.mv} in the data directory across
 * restarts.
 */
final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;

    private MongoWireServer(MongoServer server) {
        this.server = server;
    }

    static MongoWireServer start(StackConfig config) {
        try {
            Files.createDirectories(config.dataDirectory());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        MongoServer server = new MongoServer(WireStoreBackend.open(config.dataDirectory().resolve("mongo.mv")));
        server.bind("localhost", config.mongoPort());
        return new MongoWireServer(server);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
