package org.diasporadesk.chassis.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.MalformedEventException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A whole poll handed to a consumer function of a binding in batch mode ({@code batch-mode: true}, with
 * {@code content-type: application/octet-stream} so that the records' bytes arrive as they are): the payloads in a
 * list, every header as a list in the same order. A projection that writes a household's data with several store
 * commands writes a poll's worth with as many, instead of that many for each record.
 *
 * <p>A record that cannot be read, or one whose application fails, is named to the error handler by its place in the
 * poll ({@link BatchListenerFailedException}) once everything before it is applied: the error handler commits those,
 * and dead-letters the named record (an unreadable one at once, another after retries: {@link BatchDeadLetters})
 * before the records after it are delivered again.
 */
public final class PolledEvents {

    private PolledEvents() {
    }

    /**
     * Applies the poll's events in their order: consecutive events that {@code together} accepts in one call of
     * {@code applyRun}, each other event alone with {@code applyOne}. A failed run is named by its first record, so
     * the run is delivered again whole; its application must therefore be idempotent, as every projection's is.
     */
    public static <T extends EventPayload> void apply(Message<List<byte[]>> poll, EventReceiver receiver,
            Class<T> type, Predicate<T> together, Consumer<List<ReceivedEvent<T>>> applyRun,
            Consumer<ReceivedEvent<T>> applyOne) {
        List<Message<byte[]>> records = records(poll);
        List<ReceivedEvent<T>> run = new ArrayList<>();
        int runStart = 0;
        for (int index = 0; index < records.size(); index++) {
            ReceivedEvent<T> event;
            try {
                event = receiver.receive(records.get(index), type);
            }
            catch (MalformedEventException ex) {
                applyRun(run, runStart, applyRun);
                throw new BatchListenerFailedException("unreadable record at " + index + " of the poll", ex, index);
            }
            if (together.test(event.payload())) {
                if (run.isEmpty()) {
                    runStart = index;
                }
                run.add(event);
                continue;
            }
            applyRun(run, runStart, applyRun);
            try {
                applyOne.accept(event);
            }
            catch (RuntimeException ex) {
                throw new BatchListenerFailedException("could not apply " + event.envelope().type() + " "
                        + event.envelope().id(), ex, index);
            }
        }
        applyRun(run, runStart, applyRun);
    }

    private static <T extends EventPayload> void applyRun(List<ReceivedEvent<T>> run, int runStart,
            Consumer<List<ReceivedEvent<T>>> applyRun) {
        if (run.isEmpty()) {
            return;
        }
        try {
            applyRun.accept(List.copyOf(run));
        }
        catch (RuntimeException ex) {
            throw new BatchListenerFailedException("could not apply " + run.size() + " events from " + runStart
                    + " of the poll", ex, runStart);
        }
        run.clear();
    }

    /** Each record of the poll as the binder hands a single one to a function in record mode. */
    @SuppressWarnings("unchecked")
    public static List<Message<byte[]>> records(Message<List<byte[]>> poll) {
        List<byte[]> payloads = poll.getPayload();
        List<Map<String, Object>> headers = (List<Map<String, Object>>) poll.getHeaders()
            .get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<String> topics = (List<String>) poll.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        List<Integer> partitions = (List<Integer>) poll.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
        List<Long> offsets = (List<Long>) poll.getHeaders().get(KafkaHeaders.OFFSET);
        if (topics == null || partitions == null || offsets == null) {
            throw new IllegalStateException("a consumed poll without its records' topics, partitions and offsets: "
                    + "is the binding in batch mode?");
        }
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(payloads.get(i) == null ? new byte[0]
                    : payloads.get(i));
            if (headers != null) {
                record.copyHeaders(headers.get(i));
            }
            records.add(record.setHeader(KafkaHeaders.RECEIVED_TOPIC, topics.get(i))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions.get(i))
                .setHeader(KafkaHeaders.OFFSET, offsets.get(i))
                .build());
        }
        return records;
    }
}
