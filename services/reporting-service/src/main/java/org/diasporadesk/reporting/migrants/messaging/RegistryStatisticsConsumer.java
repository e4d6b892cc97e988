package org.diasporadesk.reporting.migrants.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.reporting.migrants.application.RegistryStatistics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code householdStatistics-in-0}: the registry's PII-free statistics topic. Maps and delegates. */
@Configuration(proxyBeanMethods = false)
class RegistryStatisticsConsumer {

    @Bean
    Consumer<Message<byte[]>> householdStatistics(EventReceiver receiver, RegistryStatistics statistics) {
        return message -> statistics.apply(receiver.receive(message, HouseholdStatisticsRecorded.class));
    }
}
