package org.diasporadesk.chassis.messaging;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.diasporadesk.events.CloudEventHeaders;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * The binder asks this function for the dead-letter partition of every record it gives up on, which makes
 * it the one place that sees them all: it counts them by group, type and cause. Partition 0 always exists,
 * whatever the DLQ topic's partition count; dead letters need no ordering.
 */
public class DeadLetterCounter implements DlqPartitionFunction {

    private final MeterRegistry meters;

    public DeadLetterCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable cause) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        meters.counter("ddesk.events.dead_lettered", "group", String.valueOf(group), "type",
                type == null ? "unknown" : new String(type.value(), StandardCharsets.UTF_8), "cause",
                rootCause(cause).getClass().getSimpleName()).increment();
        return 0;
    }

    private static Throwable rootCause(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
