package org.diasporadesk.reporting.migrants.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.MalformedEventException;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.reporting.migrants.application.RegistryStatistics;
import org.diasporadesk.reporting.projection.BatchedReplay;
import org.diasporadesk.reporting.projection.ConsumedBatch;
import org.diasporadesk.reporting.projection.LogSpan;
import org.diasporadesk.reporting.projection.LoggedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code householdStatistics-in-0}: the registry's PII-free statistics topic, in batch mode, because the
 * snapshots of a whole poll are applied in as many round trips to the store as one of them. Maps and delegates.
 */
@Configuration(proxyBeanMethods = false)
class RegistryStatisticsConsumer {

    private static final Logger log = LoggerFactory.getLogger(RegistryStatisticsConsumer.class);
    private static final String FUNCTION = "householdStatistics";

    @Bean(FUNCTION)
    Consumer<Message<List<byte[]>>> householdStatistics(EventReceiver receiver, RegistryStatistics statistics) {
        return ConsumedBatch.consumer(receiver, HouseholdStatisticsRecorded.class, statistics::apply);
    }

    @Bean
    BatchedReplay householdStatisticsReplay(EventReceiver receiver, RegistryStatistics statistics) {
        return new BatchedReplay() {

            @Override
            public String function() {
                return FUNCTION;
            }

            @Override
            public int applyAll(List<Message<byte[]>> records, LogSpan span) {
                List<LoggedEvent<HouseholdStatisticsRecorded>> events = new ArrayList<>(records.size());
                int unreadable = 0;
                for (Message<byte[]> record : records) {
                    try {
                        events.add(new LoggedEvent<>(LogSpan.of(record).lastOffset(),
                                receiver.receive(record, HouseholdStatisticsRecorded.class)));
                    }
                    catch (MalformedEventException ex) {
                        log.warn("Replay skipped an unreadable record of {}: {}", span, ex.getMessage());
                        unreadable++;
                    }
                }
                statistics.applyAll(events, span);
                return unreadable;
            }
        };
    }
}
