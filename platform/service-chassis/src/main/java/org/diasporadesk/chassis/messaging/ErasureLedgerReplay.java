package org.diasporadesk.chassis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.diasporadesk.events.CloudEventHeaders;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Reads the whole erasure ledger ({@link Topic#REGISTRY_ERASURES}) once the service is up and offers each entry to
 * the service's {@link ErasedAgain}: a database restored from a backup taken before an erasure does not bring the
 * person back. It reads from the start without a consumer group on purpose: a group's committed offsets live in
 * Kafka and would survive the restore, skipping exactly the entries the restored database has not seen.
 */
public class ErasureLedgerReplay implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ErasureLedgerReplay.class);

    private final String brokers;
    private final ErasedAgain service;

    public ErasureLedgerReplay(String brokers, ErasedAgain service) {
        this.brokers = brokers;
        this.service = service;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        Thread replay = new Thread(this::replay, "erasure-ledger");
        replay.setDaemon(true);
        replay.start();
    }

    /** Offers every entry of the ledger; returns how many. */
    public long replay() {
        long entries = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.CLIENT_ID_CONFIG, "erasure-ledger-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.REGISTRY_ERASURES.topicName(),
                    Duration.ofSeconds(30)).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (isLedgerEntry(record)) {
                        service.eraseAgain(EventCodec.decode(record.value(), ErasureRecorded.class));
                        entries++;
                    }
                }
            }
            log.info("Erasure ledger: {} erasures checked against this service's data", entries);
        }
        catch (RuntimeException ex) {
            log.error("Erasure ledger could not be read ({}); people erased after this database's backup may be "
                    + "back until the service is restarted with Kafka reachable", ex.toString());
        }
        return entries;
    }

    private static boolean isLedgerEntry(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return type != null && EventType.ERASURE_RECORDED_V1.typeName()
            .equals(new String(type.value(), StandardCharsets.UTF_8));
    }
}
