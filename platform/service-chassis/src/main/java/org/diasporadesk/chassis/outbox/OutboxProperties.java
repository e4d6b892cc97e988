package org.diasporadesk.chassis.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param collections   the MongoDB collections whose documents carry an {@link Outbox}
 * @param sweepInterval time between safety-net sweeps for documents no hint announced; a sweep also runs at
 *                      start and a few seconds after a failed send
 * @param batchSize     documents read per sweep, hints handled per pass
 * @param publishers    documents whose events are published at once, each document's events in order by one
 *                      publisher; sends wait for the broker's acknowledgement, so one publisher at a time left
 *                      the relay waiting on the network for most of each send
 */
@ConfigurationProperties("ddesk.outbox")
public record OutboxProperties(@DefaultValue List<String> collections, @DefaultValue("5m") Duration sweepInterval,
        @DefaultValue("200") int batchSize, @DefaultValue("8") int publishers) {
}
