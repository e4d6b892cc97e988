package org.diasporadesk.chassis.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param collections  the MongoDB collections whose documents carry an {@link Outbox}
 * @param pollInterval pause between relay passes when nothing is pending
 * @param batchSize    documents read per pass
 */
@ConfigurationProperties("ddesk.outbox")
public record OutboxProperties(@DefaultValue List<String> collections, @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("200") int batchSize) {
}
