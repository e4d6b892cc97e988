package org.diasporadesk.events;

/**
 * The topic catalogue: every topic, the one service that writes it, and whether it may carry personal data.
 *
 * <p>Personal-data topics and PII-free topics are kept apart so that access to a topic can be granted by
 * its class alone: the reporting service is given only PII-free topics. A breaking payload change gets a
 * new versioned topic and event type; additive changes keep both.
 */
public enum Topic {

    REGISTRY_PEOPLE("ddesk.registry.people.v1", "registry-service", DataClass.PERSONAL),
    REGISTRY_STATISTICS("ddesk.registry.statistics.v1", "registry-service", DataClass.PII_FREE),
    HOTLINE_TICKETS("ddesk.hotline.tickets.v1", "hotline-service", DataClass.PII_FREE),
    HOTLINE_CALLERS("ddesk.hotline.callers.v1", "hotline-service", DataClass.PERSONAL),
    OUTREACH_PEOPLE("ddesk.outreach.people.v1", "outreach-service", DataClass.PERSONAL),
    OUTREACH_CAMPAIGNS("ddesk.outreach.campaigns.v1", "outreach-service", DataClass.PII_FREE);

    private final String topicName;
    private final String writer;
    private final DataClass dataClass;

    Topic(String topicName, String writer, DataClass dataClass) {
        this.topicName = topicName;
        this.writer = writer;
        this.dataClass = dataClass;
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
}
