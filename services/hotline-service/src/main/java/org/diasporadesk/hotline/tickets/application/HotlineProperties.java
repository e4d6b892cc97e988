package org.diasporadesk.hotline.tickets.application;

import java.time.Duration;
import java.util.List;

import org.diasporadesk.hotline.tickets.domain.Topic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The office's hotline settings.
 *
 * @param topics       the topic taxonomy, seeded in {@code application.yml} with the topics seen in practice;
 *                     an office changes it by configuration, not code
 * @param reopenWithin how long after resolution a ticket may be reopened instead of opening a new one
 */
@ConfigurationProperties("ddesk.hotline")
public record HotlineProperties(@DefaultValue List<Topic> topics, @DefaultValue("14d") Duration reopenWithin) {
}
