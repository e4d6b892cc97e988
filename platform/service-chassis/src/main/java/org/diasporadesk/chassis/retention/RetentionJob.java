package org.diasporadesk.chassis.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies the service's retention rules on a schedule and reports what each removed, as counts only (the log and
 * the counter {@code ddesk.retention.removed} tagged by kind): what was removed is exactly what must not be shown.
 * A rule that fails is logged and retried on the next run; the others still run.
 */
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<RetentionRule> rules;
    private final RetentionProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public RetentionJob(List<RetentionRule> rules, RetentionProperties properties, MeterRegistry meters, Clock clock) {
        this.rules = List.copyOf(rules);
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Applies every rule as at {@code now}; returns per kind how many records it changed. */
    public Map<String, Long> applyAt(Instant now) {
        Map<String, Long> changed = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            try {
                long count = rule.applyBefore(now.minus(properties.keptFor(rule)));
                changed.merge(rule.kind(), count, Long::sum);
                meters.counter("ddesk.retention.removed", "kind", rule.kind()).increment(count);
                if (count > 0) {
                    log.info("Retention: {} records of {} older than {} removed or anonymised", count, rule.kind(),
                            properties.keptFor(rule));
                }
            }
            catch (RuntimeException ex) {
                log.error("Retention of {} failed; it is tried again on the next run", rule.kind(), ex);
            }
        }
        return changed;
    }

    @Override
    public synchronized void start() {
        if (rules.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "retention");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> applyAt(clock.instant()), 60, properties.every().toSeconds(),
                TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
