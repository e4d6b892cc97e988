package org.diasporadesk.reporting.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ddesk.reporting.live}.
 *
 * @param pushInterval how often changed figures are recomputed and pushed: changes within one interval go out
 *                     together, so a burst of events costs one recomputation per followed area, not one per event
 * @param heartbeat    how often an idle stream gets a comment line, so that proxies keep it open and a client
 *                     that went away is noticed
 * @param timeout      how long one stream lives; the browser's EventSource, or the dashboard, then reconnects
 */
@ConfigurationProperties("ddesk.reporting.live")
public record LiveProperties(Duration pushInterval, Duration heartbeat, Duration timeout) {

    public LiveProperties {
        pushInterval = pushInterval == null ? Duration.ofMillis(250) : pushInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    }
}
