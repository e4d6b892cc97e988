package org.diasporadesk.reporting.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ddesk.reporting.live}.
 *
 * @param pushInterval how often changed figures are recomputed and pushed: changes within one interval go out
 *                     together, so a burst of events costs one recomputation per followed area, not one per event
 * @param resync       how often every followed area is recomputed even though this instance applied nothing: with
 *                     several instances, the consumer that applies an event may run in another one than the
 *                     stream, so changes applied elsewhere reach the stream within this interval
 * @param heartbeat    how often an idle stream gets a comment line, so that proxies keep it open and a client
 *                     that went away is noticed
 * @param timeout      how long one stream lives; the browser's EventSource, or the dashboard, then reconnects
 */
@ConfigurationProperties("ddesk.reporting.live")
public record LiveProperties(Duration pushInterval, Duration resync, Duration heartbeat, Duration timeout) {

    public LiveProperties {
        pushInterval = pushInterval == null ? Duration.ofMillis(250) : pushInterval;
        resync = resync == null ? Duration.ofSeconds(2) : resync;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    }
}
