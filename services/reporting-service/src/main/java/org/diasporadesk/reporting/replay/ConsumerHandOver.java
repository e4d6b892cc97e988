package org.diasporadesk.reporting.replay;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the consumed topics back to the service's consumer groups where a replay stopped reading: each group's
 * committed offset moves forward to the replay's end, so that the restarted consumers carry on from there instead of
 * reading again what the replay applied. Those records would only be skipped as duplicates, one poll after the
 * other: with a million migrants in the history that kept the live figures 10 to 19 s behind for the first 20 s after
 * a replay (reporting benchmark, docs/measurements.md). Offsets only move forward. Kafka refuses the change while a
 * group still has consumers (another instance of the service); they then skip the records by sequence, as before.
 */
final class ConsumerHandOver {

    private static final Logger log = LoggerFactory.getLogger(ConsumerHandOver.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final String brokers;

    ConsumerHandOver(String brokers) {
        this.brokers = brokers;
    }

    /**
     * @param replayedUntil per consumer group, the offset after the last record the replay read, per partition
     * @return how many partitions' committed offsets moved
     */
    int moveForward(Map<String, Map<TopicPartition, Long>> replayedUntil) {
        int moved = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-replay"))) {
            for (Map.Entry<String, Map<TopicPartition, Long>> group : replayedUntil.entrySet()) {
                moved += moveForward(admin, group.getKey(), group.getValue());
            }
        }
        catch (KafkaException ex) {
            // the projections are rebuilt all the same: the replay has completed
            log.warn("Could not reach Kafka to move the consumer groups to where the replay stopped ({}); their "
                    + "consumers read the replayed records again and skip them as duplicates", ex.getMessage());
        }
        return moved;
    }

    private static int moveForward(Admin admin, String group, Map<TopicPartition, Long> replayedUntil) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> forward = new HashMap<>();
            replayedUntil.forEach((partition, until) -> {
                OffsetAndMetadata held = committed.get(partition);
                if (held == null || held.offset() < until) {
                    forward.put(partition, new OffsetAndMetadata(until));
                }
            });
            if (!forward.isEmpty()) {
                admin.alterConsumerGroupOffsets(group, forward).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            return forward.size();
        }
        catch (ExecutionException | TimeoutException | KafkaException ex) {
            log.warn("Could not move consumer group {} to where the replay stopped ({}); its consumers read the "
                    + "replayed records again and skip them as duplicates", group, ex.getMessage());
            return 0;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
