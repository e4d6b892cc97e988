package org.diasporadesk.chassis;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.diasporadesk.chassis.messaging.BatchDeadLetters;
import org.diasporadesk.chassis.messaging.DeadLetterCounter;
import org.diasporadesk.chassis.messaging.ErasedAgain;
import org.diasporadesk.chassis.messaging.ErasureLedgerReplay;
import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.chassis.messaging.TopicPolicies;
import org.diasporadesk.chassis.outbox.EventPublisher;
import org.diasporadesk.chassis.outbox.OutboxProperties;
import org.diasporadesk.chassis.outbox.OutboxRelay;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.phone.PhoneNumbers;
import org.diasporadesk.chassis.retention.RetentionJob;
import org.diasporadesk.chassis.retention.RetentionProperties;
import org.diasporadesk.chassis.retention.RetentionRule;
import org.diasporadesk.chassis.territory.TerritoryController;
import org.diasporadesk.chassis.time.DestinationTimeZones;
import org.diasporadesk.chassis.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What every Diaspora Desk service gets by depending on the chassis. */
@AutoConfiguration
@EnableConfigurationProperties({ OutboxProperties.class, RetentionProperties.class })
@Import({ ProblemResponses.class, TerritoryController.class })
public class ChassisAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PhoneNumbers phoneNumbers() {
        return new PhoneNumbers();
    }

    @Bean
    DestinationTimeZones destinationTimeZones() {
        return new DestinationTimeZones();
    }

    @Bean
    EventPublisher eventPublisher(StreamBridge streamBridge) {
        return new EventPublisher(streamBridge);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            @Value("${spring.application.name}") String applicationName, MeterRegistry meters) {
        return new OutboxRelay(mongo, publisher, properties, applicationName, meters);
    }

    @Bean
    OutboxWriter outboxWriter(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new OutboxWriter(mongo, relay, clock);
    }

    @Bean
    EventReceiver eventReceiver(MeterRegistry meters) {
        return new EventReceiver(meters);
    }

    @Bean
    ProjectionWriter projectionWriter(MongoTemplate mongo) {
        return new ProjectionWriter(mongo);
    }

    @Bean
    @ConditionalOnProperty(name = "ddesk.kafka.topic-policies", havingValue = "true", matchIfMissing = true)
    TopicPolicies topicPolicies(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.application.name}") String applicationName, BindingServiceProperties bindings,
            Environment environment) {
        return new TopicPolicies(brokers, applicationName, bindings, environment);
    }

    @Bean
    @ConditionalOnBean(ErasedAgain.class)
    ErasureLedgerReplay erasureLedgerReplay(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            ErasedAgain service) {
        return new ErasureLedgerReplay(brokers, service);
    }

    @Bean
    RetentionJob retentionJob(List<RetentionRule> rules, RetentionProperties properties, MeterRegistry meters,
            Clock clock) {
        return new RetentionJob(rules, properties, meters, clock);
    }

    @Bean
    DeadLetterCounter deadLetterCounter(MeterRegistry meters) {
        return new DeadLetterCounter(meters);
    }

    @Bean
    BatchDeadLetters batchDeadLetters(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            DeadLetterCounter deadLetters) {
        return new BatchDeadLetters(brokers, deadLetters);
    }
}
