package org.diasporadesk.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The topic catalogue: every topic, the one service that writes it, and whether it may carry personal data.
 *
 * <p>Personal-data topics and PII-free topics are kept apart so that access to a topic can be granted by
 * its class alone: the reporting service is given only PII-free topics. A breaking payload change gets a
 * new versioned topic and event type; additive changes keep both.
 */
public enum Topic {

    REGISTRY_PEOPLE("ddesk.registry.people.v1", "registry-service", DataClass.PERSONAL, TopicPolicy.PERSONAL),
    REGISTRY_STATISTICS("ddesk.registry.statistics.v1", "registry-service", DataClass.PII_FREE, TopicPolicy.SNAPSHOTS),
    REGISTRY_ERASURES("ddesk.registry.erasures.v1", "registry-service", DataClass.PII_FREE, TopicPolicy.LEDGER),
    HOTLINE_TICKETS("ddesk.hotline.tickets.v1", "hotline-service", DataClass.PII_FREE, TopicPolicy.FACTS),
    HOTLINE_CALLERS("ddesk.hotline.callers.v1", "hotline-service", DataClass.PERSONAL, TopicPolicy.PERSONAL),
    OUTREACH_PEOPLE("ddesk.outreach.people.v1", "outreach-service", DataClass.PERSONAL, TopicPolicy.PERSONAL),
    OUTREACH_CAMPAIGNS("ddesk.outreach.campaigns.v1", "outreach-service", DataClass.PII_FREE, TopicPolicy.FACTS);

    private final String topicName;
    private final String writer;
    private final DataClass dataClass;
    private final TopicPolicy policy;

    Topic(String topicName, String writer, DataClass dataClass, TopicPolicy policy) {
        this.topicName = topicName;
        this.writer = writer;
        this.dataClass = dataClass;
        this.policy = policy;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** The only service that may publish to this topic. */
    public String writer() {
        return writer;
    }

    public DataClass dataClass() {
        return dataClass;
    }

    /** How long the log keeps records; applied by the writer at start ({@code TopicPolicies}) and in k8s/. */
    public TopicPolicy policy() {
        return policy;
    }

    /** The dead-letter topics of a personal topic hold the same records, so they are kept no longer. */
    public TopicPolicy deadLetterPolicy() {
        return dataClass == DataClass.PERSONAL ? policy : TopicPolicy.DEAD_LETTERS;
    }

    /** The catalogue topic of this name, if it is one. */
    public static Optional<Topic> named(String topicName) {
        return Arrays.stream(values()).filter(topic -> topic.topicName.equals(topicName)).findFirst();
    }
}
