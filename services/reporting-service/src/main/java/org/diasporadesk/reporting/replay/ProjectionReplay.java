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
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.diasporadesk.reporting.replay.ReplayProgress.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every projection from the Kafka history: stops the service's consumers, empties the projections, reads
 * each consumed topic from its first record up to where it ended when the replay began, hands every record to the
 * same consumer function the binding calls, and starts the consumers again, which carry on from their committed
 * offsets; what they see again is skipped by the per-aggregate sequence. Progress is logged every few seconds and
 * served by {@link #progress(String)}. One replay at a time per instance.
 */
@Service
public class ProjectionReplay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Input bindings and the functions behind them: one per consumed topic. */
    private final Map<String, Consumer<Message<byte[]>>> functions;
    private final List<RebuildableProjection> projections;
    private final BindingsLifecycleController bindings;
    private final BindingServiceProperties bindingProperties;
    private final String brokers;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Run> current = new AtomicReference<>();

    ProjectionReplay(Map<String, Consumer<Message<byte[]>>> functions, List<RebuildableProjection> projections,
            BindingsLifecycleController bindings, BindingServiceProperties bindingProperties,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers, Clock clock) {
        this.functions = functions;
        this.projections = projections;
        this.bindings = bindings;
        this.bindingProperties = bindingProperties;
        this.brokers = brokers;
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
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            run.events = end.entrySet().stream().mapToLong(entry -> entry.getValue() - beginning.get(entry.getKey()))
                .sum();
            log.info("Replay {}: emptying {} projections, then {} events from {}", run.id, projections.size(),
                    run.events, bindingOfTopic.keySet());
            projections.forEach(RebuildableProjection::clearForRebuild);
            end.entrySet().removeIf(entry -> entry.getValue() <= beginning.get(entry.getKey()));
            Instant lastLog = clock.instant();
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long until = end.get(partition);
                    if (until != null && record.offset() < until) {
                        apply(run, bindingOfTopic.get(record.topic()), record);
                    }
                }
                end.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
                if (Duration.between(lastLog, clock.instant()).compareTo(LOG_EVERY) >= 0) {
                    lastLog = clock.instant();
                    ReplayProgress progress = run.progress(lastLog);
                    log.info("Replay {}: {} of {} events ({}%), {} per second", run.id, progress.applied(),
                            progress.events(), Math.round(progress.percentDone()), progress.eventsPerSecond());
                }
            }
        }
    }

    private void apply(Run run, String binding, ConsumerRecord<byte[], byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0]
                : record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        try {
            functionOf(binding).accept(message.build());
        }
        catch (MalformedEventException unreadable) {
            log.warn("Replay {}: skipped unreadable record {}-{}@{}: {}", run.id, record.topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
            run.unreadable++;
        }
        run.applied++;
    }

    private Consumer<Message<byte[]>> functionOf(String binding) {
        return functions.get(binding.substring(0, binding.indexOf("-in-")));
    }

    /** Consumed topics and their input bindings, from the binding configuration. */
    private Map<String, String> bindingsByTopic() {
        Map<String, String> byTopic = new HashMap<>();
        bindingProperties.getBindings().forEach((binding, properties) -> {
            if (binding.contains("-in-") && functions.containsKey(binding.substring(0, binding.indexOf("-in-")))) {
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
