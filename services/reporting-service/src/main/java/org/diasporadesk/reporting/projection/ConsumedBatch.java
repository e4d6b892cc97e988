package org.diasporadesk.reporting.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.PolledEvents;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.MalformedEventException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * A consumer function for a binding in batch mode: the binder hands it a whole poll as one message, the payloads
 * in a list and every header as a list in the same order. The records are read and applied run by run, a run being
 * consecutive records of one partition. A record that cannot be read, or a run that cannot be applied, is named to
 * the error handler by its place in the poll ({@link BatchListenerFailedException}) once everything before it is
 * applied: the error handler commits those, and dead-letters the named record (an unreadable one at once, another
 * after retries: the chassis' {@code BatchDeadLetters}) before the records after it are delivered again.
 */
public final class ConsumedBatch {

    private ConsumedBatch() {
    }

    /** @param apply applies consecutive events of one partition: the span says which */
    public static <T extends EventPayload> Consumer<Message<List<byte[]>>> consumer(EventReceiver receiver,
            Class<T> type, BiConsumer<List<LoggedEvent<T>>, LogSpan> apply) {
        return batch -> {
            List<Message<byte[]>> records = PolledEvents.records(batch);
            int first = 0;
            while (first < records.size()) {
                LogSpan partition = LogSpan.of(records.get(first));
                List<LoggedEvent<T>> events = new ArrayList<>();
                int next = first;
                for (; next < records.size(); next++) {
                    Message<byte[]> record = records.get(next);
                    LogSpan at = LogSpan.of(record);
                    if (!samePartition(partition, at)) {
                        break;
                    }
                    try {
                        events.add(new LoggedEvent<>(at.lastOffset(), receiver.receive(record, type)));
                    }
                    catch (MalformedEventException ex) {
                        applyRun(apply, events, partition, first);
                        throw new BatchListenerFailedException("unreadable record " + at, ex, next);
                    }
                }
                applyRun(apply, events, partition, first);
                first = next;
            }
        };
    }

    private static <T> void applyRun(BiConsumer<List<LoggedEvent<T>>, LogSpan> apply, List<LoggedEvent<T>> events,
            LogSpan partition, int indexOfFirst) {
        if (events.isEmpty()) {
            return;
        }
        LogSpan span = new LogSpan(partition.topic(), partition.partition(), events.get(0).offset(),
                events.get(events.size() - 1).offset());
        try {
            apply.accept(events, span);
        }
        catch (RuntimeException ex) {
            throw new BatchListenerFailedException("could not apply " + span, ex, indexOfFirst);
        }
    }

    private static boolean samePartition(LogSpan one, LogSpan other) {
        return one.topic().equals(other.topic()) && one.partition() == other.partition();
    }
}
