package org.diasporadesk.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a topic's log keeps records, as Kafka topic configs. Kafka deletes a record only with its whole
 * segment, once the newest record of the segment is older than the retention; a segment rolls after
 * {@code segment} at the latest, so a record is gone at most {@code retention + segment} after it was written
 * (plus the broker's retention check interval, 5 minutes by default).
 *
 * @param compacted          whether the log keeps each key's last record rather than records by age
 * @param retention          for a log that deletes by age, how long; null to keep records for good
 * @param segment            null for the broker's default
 * @param minCompactionLag   for a compacted topic, how long a record is kept before compaction may drop it
 */
public record TopicPolicy(boolean compacted, Duration retention, Duration segment, Duration minCompactionLag) {

    /**
     * Personal data: three days, so a consumer down over a weekend still catches up, and an erased person's
     * records leave the log within {@link #longestKept()} of being written.
     */
    public static final TopicPolicy PERSONAL = new TopicPolicy(false, Duration.ofDays(3), Duration.ofHours(1), null);

    /** PII-free facts: 400 days, so that a year's figures can be rebuilt from the topic. */
    public static final TopicPolicy FACTS = new TopicPolicy(false, Duration.ofDays(400), null, null);

    /** PII-free snapshots: the last one of every key stays, so that a projection can be rebuilt from the topic. */
    public static final TopicPolicy SNAPSHOTS = new TopicPolicy(true, null, null, Duration.ofDays(1));

    /** Dead letters of PII-free topics: 30 days for inspection and replay. */
    public static final TopicPolicy DEAD_LETTERS = new TopicPolicy(false, Duration.ofDays(30), null, null);

    /** A ledger: every record for good (a compacted log would keep only a key's last). */
    public static final TopicPolicy LEDGER = new TopicPolicy(false, null, null, null);

    /** The longest a record stays in the log after it was written, before the broker's check; null if unbounded. */
    public Duration longestKept() {
        return compacted || retention == null || segment == null ? null : retention.plus(segment);
    }

    /** The topic configs that set this policy. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", compacted ? "compact" : "delete");
        if (!compacted) {
            configs.put("retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()));
        }
        if (segment != null) {
            configs.put("segment.ms", Long.toString(segment.toMillis()));
        }
        if (minCompactionLag != null) {
            configs.put("min.compaction.lag.ms", Long.toString(minCompactionLag.toMillis()));
        }
        return configs;
    }
}
