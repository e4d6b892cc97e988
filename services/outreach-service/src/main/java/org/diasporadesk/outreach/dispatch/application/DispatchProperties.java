package org.diasporadesk.outreach.dispatch.application;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ddesk.outreach.dispatch}.
 *
 * @param batch         messages one dispatch round takes
 * @param concurrency   messages of a round in flight at once: a provider's answer takes tens to hundreds of
 *                      milliseconds, so one at a time would stay far below its rate limit
 * @param maxAttempts   failed attempts after which a message is given up as FAILED
 * @param firstRetry    the wait after the first failure; it doubles with each further one up to {@code maxRetry}
 * @param claim         how long a dispatcher holds a message it is sending before another may take it
 * @param quietFrom     local time from which nobody is written to
 * @param quietUntil    local time until which nobody is written to
 * @param officeZone    the office's zone: session dates are written in it, and recipients whose destination is unknown are taken to live in it
 */
@ConfigurationProperties("ddesk.outreach.dispatch")
public record DispatchProperties(Integer batch, Integer concurrency, Integer maxAttempts, Duration firstRetry,
        Duration maxRetry, Duration claim, LocalTime quietFrom, LocalTime quietUntil, String officeZone) {

    public DispatchProperties {
        batch = batch == null ? 200 : batch;
        concurrency = concurrency == null ? 8 : concurrency;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
        claim = claim == null ? Duration.ofMinutes(2) : claim;
        quietFrom = quietFrom == null ? LocalTime.of(21, 0) : quietFrom;
        quietUntil = quietUntil == null ? LocalTime.of(9, 0) : quietUntil;
    }

    /** The wait before attempt {@code attempts + 1}. */
    public Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
