package org.diasporadesk.reporting.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.events.MalformedEventException;
import org.diasporadesk.reporting.projection.BatchedReplay;
import org.diasporadesk.reporting.projection.LogSpan;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.diasporadesk.reporting.replay.ReplayProgress.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every projection from the Kafka history: stops the service's consumers, empties the projections, reads
 * each consumed topic from its first record up to where it ended when the replay began, hands every record to the
 * same consumer function the binding calls (or, where a projection offers a {@link BatchedReplay}, up to
 * {@value #BATCH} consecutive records of a partition at once), moves the consumer groups' committed offsets forward
 * to where it stopped reading ({@link ConsumerHandOver}) and starts the consumers again, which carry on from there;
 * a record they see again all the same is skipped by the per-aggregate sequence. Progress is logged every
 * few seconds and served by {@link #progress(String)}. One replay at a time per instance.
 */
@Service
public class ProjectionReplay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Records of a partition applied together where a projection can; the more, the fewer round trips. */
    private static final int BATCH = 10_000;

    /** The functions behind input bindings that take a record at a time; the others offer a BatchedReplay. */
    private final Map<String, Consumer<Message<byte[]>>> functions;
    private final Map<String, BatchedReplay> batched = new HashMap<>();
    private final List<RebuildableProjection> projections;
    private final BindingsLifecycleController bindings;
    private final BindingServiceProperties bindingProperties;
    private final String brokers;
    private final ConsumerHandOver handOver;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Run> current = new AtomicReference<>();

    ProjectionReplay(Map<String, Consumer<Message<byte[]>>> functions, List<BatchedReplay> batchedReplays,
            List<RebuildableProjection> projections, BindingsLifecycleController bindings,
            BindingServiceProperties bindingProperties,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers, Clock clock) {
        this.functions = functions;
        batchedReplays.forEach(replay -> batched.put(replay.function(), replay));
        this.projections = projections;
        this.bindings = bindings;
        this.bindingProperties = bindingProperties;
        this.brokers = brokers;
        this.handOver = new ConsumerHandOver(brokers);
        this.clock = clock;
    }

    /** @throws StateConflictException (409) while a replay is running */
    public ReplayProgress start() {
        Run run = new Run(UUID.randomUUID().toString(), clock.instant());
        Run previous = current.get();
        if (previous != null && previous.state == State.RUNNING || !current.compareAndSet(previous, run)) {
            throw new StateConflictException("replay", "a replay is running; follow it at /admin/replays/"
                    + current.get().id);
        }
        runner.execute(() -> replay(run));
        return run.progress(clock.instant());
    }

    public Optional<ReplayProgress> progress(String id) {
        Run run = current.get();
        return run != null && run.id.equals(id) ? Optional.of(run.progress(clock.instant())) : Optional.empty();
    }

    private void replay(Run run) {
        Map<String, String> bindingOfTopic = bindingsByTopic();
        try {
            bindingOfTopic.values().forEach(bindings::stop);
            rebuild(run, bindingOfTopic);
            run.finish(State.COMPLETED, null, clock.instant());
            ReplayProgress done = run.progress(clock.instant());
            log.info("Replay {} completed: {} events in {} s ({} per second), {} unreadable", run.id, done.applied(),
                    Duration.between(done.startedAt(), done.finishedAt()).toSeconds(), done.eventsPerSecond(),
                    done.unreadable());
        }
        catch (RuntimeException ex) {
            log.error("Replay {} failed", run.id, ex);
            run.finish(State.FAILED, "the replay stopped after " + run.applied + " events: " + ex.getMessage()
                    + ". The figures are incomplete until a replay completes: check that Kafka and MongoDB are "
                    + "reachable, then start a new replay", clock.instant());
        }
        finally {
            bindingOfTopic.values().forEach(bindings::start);
        }
    }

    private void rebuild(Run run, Map<String, String> bindingOfTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings())) {
            List<TopicPartition> partitions = new ArrayList<>();
            bindingOfTopic.keySet().forEach(topic -> consumer.partitionsFor(topic).forEach(
                    info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Map<String, Map<TopicPartition, Long>> replayedUntil = byGroup(end, bindingOfTopic);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            run.events = end.entrySet().stream().mapToLong(entry -> entry.getValue() - beginning.get(entry.getKey()))
                .sum();
            log.info("Replay {}: emptying {} projections, then {} events from {}", run.id, projections.size(),
                    run.events, bindingOfTopic.keySet());
            projections.forEach(RebuildableProjection::clearForRebuild);
            end.entrySet().removeIf(entry -> entry.getValue() <= beginning.get(entry.getKey()));
            Instant lastLog = clock.instant();
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> pending = new HashMap<>();
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long until = end.get(partition);
                    if (until == null || record.offset() >= until) {
                        continue;
                    }
                    String function = functionOf(bindingOfTopic.get(record.topic()));
                    if (batched.containsKey(function)) {
                        List<ConsumerRecord<byte[], byte[]>> batch = pending.computeIfAbsent(partition,
                                ignored -> new ArrayList<>());
                        batch.add(record);
                        if (batch.size() >= BATCH) {
                            applyAll(run, batched.get(function), pending.remove(partition));
                        }
                    }
                    else {
                        apply(run, functions.get(function), record);
                    }
                }
                end.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
                pending.entrySet().removeIf(batch -> {
                    if (end.containsKey(batch.getKey())) {
                        return false;
                    }
                    applyAll(run, batched.get(functionOf(bindingOfTopic.get(batch.getKey().topic()))),
                            batch.getValue());
                    return true;
                });
                if (Duration.between(lastLog, clock.instant()).compareTo(LOG_EVERY) >= 0) {
                    lastLog = clock.instant();
                    ReplayProgress progress = run.progress(lastLog);
                    log.info("Replay {}: {} of {} events ({}%), {} per second", run.id, progress.applied(),
                            progress.events(), Math.round(progress.percentDone()), progress.eventsPerSecond());
                }
            }
            log.info("Replay {}: the consumers carry on where it stopped reading ({} partitions moved forward)",
                    run.id, handOver.moveForward(replayedUntil));
        }
    }

    /** The end offsets of the consumed partitions, per consumer group of their bindings. */
    private Map<String, Map<TopicPartition, Long>> byGroup(Map<TopicPartition, Long> end,
            Map<String, String> bindingOfTopic) {
        Map<String, Map<TopicPartition, Long>> byGroup = new HashMap<>();
        end.forEach((partition, offset) -> {
            String group = bindingProperties.getBindingProperties(bindingOfTopic.get(partition.topic())).getGroup();
            if (group != null) {
                byGroup.computeIfAbsent(group, ignored -> new HashMap<>()).put(partition, offset);
            }
        });
        return byGroup;
    }

    private void applyAll(Run run, BatchedReplay replay, List<ConsumerRecord<byte[], byte[]>> records) {
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        LogSpan span = new LogSpan(first.topic(), first.partition(), first.offset(),
                records.get(records.size() - 1).offset());
        run.unreadable += replay.applyAll(records.stream().map(ProjectionReplay::messageOf).toList(), span);
        run.applied += records.size();
    }

    private void apply(Run run, Consumer<Message<byte[]>> function, ConsumerRecord<byte[], byte[]> record) {
        try {
            function.accept(messageOf(record));
        }
        catch (MalformedEventException unreadable) {
            log.warn("Replay {}: skipped unreadable record {}-{}@{}: {}", run.id, record.topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
            run.unreadable++;
        }
        run.applied++;
    }

    /** The record as the binding hands it to its function: payload, headers, and where it was read. */
    private static Message<byte[]> messageOf(ConsumerRecord<byte[], byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0]
                : record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        return message.setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic())
            .setHeader(KafkaHeaders.RECEIVED_PARTITION, record.partition())
            .setHeader(KafkaHeaders.OFFSET, record.offset())
            .build();
    }

    private static String functionOf(String binding) {
        return binding.substring(0, binding.indexOf("-in-"));
    }

    /** Consumed topics and their input bindings, from the binding configuration. */
    private Map<String, String> bindingsByTopic() {
        Map<String, String> byTopic = new HashMap<>();
        bindingProperties.getBindings().forEach((binding, properties) -> {
            if (binding.contains("-in-") && (functions.containsKey(functionOf(binding))
                    || batched.containsKey(functionOf(binding)))) {
                byTopic.put(properties.getDestination(), binding);
            }
        });
        return byTopic;
    }

    private Map<String, Object> consumerSettings() {
        // The binder's own settings live in its child context; the brokers are all a plain reader needs here.
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-replay");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return settings;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    /** One replay's counters, written by the replay thread only. */
    private static final class Run {

        private final String id;
        private final Instant startedAt;
        private volatile State state = State.RUNNING;
        private volatile Instant finishedAt;
        private volatile long events;
        private volatile long applied;
        private volatile long unreadable;
        private volatile String message;

        Run(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        void finish(State outcome, String failure, Instant at) {
            message = failure;
            finishedAt = at;
            state = outcome;
        }

        ReplayProgress progress(Instant now) {
            double seconds = Math.max(0.001, Duration.between(startedAt, finishedAt == null ? now : finishedAt)
                .toMillis() / 1000.0);
            double percent = state == State.COMPLETED ? 100 : events == 0 ? 0 : 100.0 * applied / events;
            return new ReplayProgress(id, state, startedAt, finishedAt, events, applied, unreadable, percent,
                    Math.round(applied / seconds), message);
        }
    }
}
