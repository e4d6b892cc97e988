package org.diasporadesk.chassis.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.TopicPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;

/**
 * Sets the catalogue's retention ({@link Topic#policy()}) on the topics this service writes, and on the dead-letter
 * topics of the topics it reads ({@link Topic#deadLetterPolicy()}), when it starts: creating those missing and
 * correcting those a broker created with its defaults (the local stack and docker compose create topics on first
 * use, and compose's broker keeps logs forever). So how long an erased person stays in a personal topic is decided
 * here, in one place, and not by whichever broker the service meets. In Kubernetes the Strimzi topics say the same
 * (k8s/base/kafka-topics.yaml, checked against the catalogue); where the service may not alter topics, it says so
 * and leaves them to the platform.
 */
public class TopicPolicies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TopicPolicies.class);

    private final String brokers;
    private final String applicationName;
    private final BindingServiceProperties bindings;
    private final Environment environment;

    public TopicPolicies(String brokers, String applicationName, BindingServiceProperties bindings,
            Environment environment) {
        this.brokers = brokers;
        this.applicationName = applicationName;
        this.bindings = bindings;
        this.environment = environment;
    }

    /** Each topic this service answers for, with the policy it must have. */
    Map<String, TopicPolicy> wanted() {
        Map<String, TopicPolicy> wanted = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            if (topic.writer().equals(applicationName)) {
                wanted.put(topic.topicName(), topic.policy());
            }
        }
        for (Map.Entry<String, BindingProperties> binding : bindings.getBindings().entrySet()) {
            Optional<Topic> read = Optional.ofNullable(binding.getValue().getDestination()).flatMap(Topic::named);
            // The binder's own Kafka binding properties live in its child context; the setting is read as written.
            String deadLetters = environment.getProperty("spring.cloud.stream.kafka.bindings." + binding.getKey()
                    + ".consumer.dlq-name");
            if (read.isPresent() && binding.getKey().contains("-in-") && deadLetters != null) {
                wanted.put(deadLetters, read.get().deadLetterPolicy());
            }
        }
        return wanted;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Map<String, TopicPolicy> wanted = wanted();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = new HashSet<>(admin.listTopics().names().get());
            List<NewTopic> missing = wanted.entrySet().stream()
                .filter(topic -> !existing.contains(topic.getKey()))
                .map(topic -> new NewTopic(topic.getKey(), Optional.empty(), Optional.empty())
                    .configs(topic.getValue().configs()))
                .toList();
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get();
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                    // Created meanwhile by another instance or the binder, perhaps with the broker's defaults.
                    existing.add(created.getKey());
                }
            }
            Map<ConfigResource, Collection<AlterConfigOp>> corrections = new LinkedHashMap<>();
            wanted.forEach((name, policy) -> {
                if (existing.contains(name)) {
                    corrections.put(new ConfigResource(ConfigResource.Type.TOPIC, name), policy.configs().entrySet()
                        .stream()
                        .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()),
                                AlterConfigOp.OpType.SET))
                        .toList());
                }
            });
            admin.incrementalAlterConfigs(corrections).all().get();
            log.info("Retention set on {} topics: {}", wanted.size(), wanted.keySet());
        }
        catch (ExecutionException ex) {
            log.error("Could not set the catalogue's retention on {} ({}); set it as docs/operations.md "
                    + "('Kafka retention') says, or let this service create topics and alter their configs",
                    wanted.keySet(), ex.getCause().toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
