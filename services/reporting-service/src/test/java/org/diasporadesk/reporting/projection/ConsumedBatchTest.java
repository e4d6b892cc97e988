package org.diasporadesk.reporting.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.MalformedEventException;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.TYPE;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.snapshot;

class ConsumedBatchTest {

    private static final String TOPIC = "statistics";

    private final List<LogSpan> applied = new ArrayList<>();
    private final Consumer<Message<List<byte[]>>> consumer = ConsumedBatch.consumer(
            new EventReceiver(new SimpleMeterRegistry()), HouseholdStatisticsRecorded.class, (events, span) -> {
                assertThat(events).extracting(LoggedEvent::offset).first().isEqualTo(span.firstOffset());
                assertThat(events).extracting(LoggedEvent::offset).last().isEqualTo(span.lastOffset());
                applied.add(span);
            });

    @Test
    void appliesEachPartitionsRecordsTogether() {
        consumer.accept(new KafkaPoll()
            .record(TOPIC, 0, 5, snapshot(household(), 1, "GE-IM-KUTAISI", 2))
            .record(TOPIC, 0, 6, snapshot(household(), 1, "GE-IM-KUTAISI", 3))
            .record(TOPIC, 2, 17, snapshot(household(), 1, "GE-IM-KUTAISI", 1))
            .message());

        assertThat(applied).containsExactly(new LogSpan(TOPIC, 0, 5, 6), new LogSpan(TOPIC, 2, 17, 17));
    }

    @Test
    void namesAnUnreadableRecordByItsPlaceInThePollOnceTheRecordsBeforeItAreApplied() {
        Message<List<byte[]>> poll = new KafkaPoll()
            .record(TOPIC, 1, 40, snapshot(household(), 1, "GE-IM-KUTAISI", 2))
            .record(TOPIC, 0, 5, snapshot(household(), 1, "GE-IM-KUTAISI", 2))
            .record(TOPIC, 0, 6, Map.of("ce_type", TYPE), "{}".getBytes())
            .record(TOPIC, 0, 7, snapshot(household(), 1, "GE-IM-KUTAISI", 2))
            .message();

        assertThatThrownBy(() -> consumer.accept(poll)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed).hasCauseInstanceOf(MalformedEventException.class);
                });
        assertThat(applied).as("not the record after it: it comes again")
            .containsExactly(new LogSpan(TOPIC, 1, 40, 40), new LogSpan(TOPIC, 0, 5, 5));
    }

    @Test
    void namesTheFirstRecordOfARunThatCouldNotBeApplied() {
        Consumer<Message<List<byte[]>>> failingOnPartitionThree = ConsumedBatch.consumer(
                new EventReceiver(new SimpleMeterRegistry()), HouseholdStatisticsRecorded.class, (events, span) -> {
                    if (span.partition() == 3) {
                        throw new IllegalStateException("store unreachable");
                    }
                    applied.add(span);
                });
        Message<List<byte[]>> poll = new KafkaPoll()
            .record(TOPIC, 0, 5, snapshot(household(), 1, "GE-IM-KUTAISI", 2))
            .record(TOPIC, 3, 8, snapshot(household(), 1, "GE-IM-KUTAISI", 2))
            .record(TOPIC, 3, 9, snapshot(household(), 1, "GE-IM-KUTAISI", 2))
            .message();

        assertThatThrownBy(() -> failingOnPartitionThree.accept(poll))
            .isInstanceOfSatisfying(BatchListenerFailedException.class,
                    failed -> assertThat(failed.getIndex()).isEqualTo(1));
        assertThat(applied).containsExactly(new LogSpan(TOPIC, 0, 5, 5));
    }

    private static String household() {
        return UUID.randomUUID().toString();
    }
}
