package org.diasporadesk.chassis.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.diasporadesk.events.MalformedEventException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

/**
 * Dead letters for bindings in batch mode (a function that takes a whole poll at once), record by record as for the
 * other bindings. Left to itself the binder dead-letters every record of a poll when the function fails; instead
 * the function names the record that failed with a {@link BatchListenerFailedException}, and Spring for Apache
 * Kafka's error handler commits the records before it, retries it with the records after it, and sends it alone to
 * the binding's dead-letter topic when it still fails ({@link MalformedEventException}: at once). Bindings that
 * take records one at a time keep the binder's own retry and dead-lettering. Being the one customiser of batch
 * bindings' containers, it also turns their older listener timer off (see {@link #configure}).
 */
public class BatchDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    /** Retries after the first attempt, as the chassis' {@code max-attempts: 4} gives the other bindings. */
    static final int RETRIES = 3;

    private final DeadLetterCounter counter;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;

    public BatchDeadLetters(String brokers, DeadLetterCounter counter) {
        this.counter = counter;
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producers = new DefaultKafkaProducerFactory<>(settings);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetterTopic, BackOff backOff) {
        // Bindings that take one record at a time: the binder retries and dead-letters.
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetterTopic, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (!properties.isBatchMode()) {
            return;
        }
        // Spring for Apache Kafka observes record listeners only; a batch listener kept its older timer of the same
        // name with other tags, and Prometheus then refused the timers of every record listener of the service.
        container.getContainerProperties().setMicrometerEnabled(false);
        if (deadLetterTopic == null) {
            return;
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
            (record, cause) -> new TopicPartition(deadLetterTopic.apply(record, cause).topic(),
                    counter.apply(group, record, cause)));
        // The binder sets max-attempts to 1 in batch mode; the retries are the error handler's.
        ExponentialBackOffWithMaxRetries retries = new ExponentialBackOffWithMaxRetries(RETRIES);
        retries.setInitialInterval(properties.getBackOffInitialInterval());
        retries.setMultiplier(properties.getBackOffMultiplier());
        retries.setMaxInterval(properties.getBackOffMaxInterval());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retries);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        container.setCommonErrorHandler(handler);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
