package org.diasporadesk.chassis.retention;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keptFor per kind of data, how long it is kept; a kind not listed keeps its rule's default
 * @param every   time between runs of the schedule; the first runs a minute after start
 */
@ConfigurationProperties("ddesk.retention")
public record RetentionProperties(Map<String, Duration> keptFor, @DefaultValue("6h") Duration every) {

    public RetentionProperties {
        keptFor = keptFor == null ? Map.of() : Map.copyOf(keptFor);
    }

    Duration keptFor(RetentionRule rule) {
        return keptFor.getOrDefault(rule.kind(), rule.keptFor());
    }
}
