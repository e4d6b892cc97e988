package org.diasporadesk.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined) running in this JVM, its log kept
 * in the data directory so that topics and offsets survive a restart. The storage is formatted once.
 */
final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;

    private KafkaBroker(KafkaRaftServer server) {
        this.server = server;
    }

    static KafkaBroker start(StackConfig config) {
        Path logDir = config.dataDirectory().resolve("kafka");
        Properties properties = properties(config, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config, properties);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        return new KafkaBroker(server);
    }

    private static Properties properties(StackConfig config, Path logDir) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + config.kafkaControllerPort());
        properties.put("listeners", "PLAINTEXT://localhost:" + config.kafkaPort() + ",CONTROLLER://localhost:"
                + config.kafkaControllerPort());
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + config.kafkaPort());
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", logDir.toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "3");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        return properties;
    }

    private static void format(StackConfig config, Properties properties) {
        try {
            Files.createDirectories(config.dataDirectory());
            Path file = config.dataDirectory().resolve("kafka-server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "written by the local stack to format the KRaft storage once");
            }
            int exit = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", file.toString(), "--ignore-formatted" }, new PrintStream(OutputStream.nullOutputStream()));
            if (exit != 0) {
                throw new IllegalStateException("formatting the Kafka storage in " + file.getParent() + " failed ("
                        + exit + "); delete that folder to start afresh");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
