package org.diasporadesk.outreach.channels;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ddesk.outreach.channels}: per channel, which adapter carries it and how fast, and the circuit breaker
 * settings they share. The local stack and the tests record messages instead of sending them.
 *
 * @param callbackToken the shared secret providers send with delivery receipts and replies
 */
@ConfigurationProperties("ddesk.outreach.channels")
public record ChannelProperties(Map<Channel, Settings> settings, Circuit circuit, String callbackToken) {

    public ChannelProperties {
        Map<Channel, Settings> all = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            all.put(channel, settings == null || !settings.containsKey(channel) ? Settings.recording()
                    : settings.get(channel));
        }
        settings = Map.copyOf(all);
        circuit = circuit == null ? new Circuit(50, 6, Duration.ofSeconds(30)) : circuit;
    }

    public enum Adapter {
        /** Stores what would have been sent, for a newcomer to look at; the default. */
        RECORDING,
        /** JSON over HTTP to a gateway (an SMS or messenger provider). */
        HTTP,
        /** E-mail over SMTP ({@code spring.mail.*}). */
        SMTP
    }

    /**
     * @param endpoint        the gateway URL, for {@link Adapter#HTTP}
     * @param token           the gateway's bearer token, for {@link Adapter#HTTP}
     * @param from            the sender address, for {@link Adapter#SMTP}
     * @param ratePerSecond   the provider's limit
     * @param timeout         how long one call may take
     */
    public record Settings(Adapter adapter, String endpoint, String token, String from, Integer ratePerSecond,
            Duration timeout) {

        public Settings {
            adapter = adapter == null ? Adapter.RECORDING : adapter;
            ratePerSecond = ratePerSecond == null ? 20 : ratePerSecond;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        static Settings recording() {
            return new Settings(Adapter.RECORDING, null, null, null, null, null);
        }
    }

    /**
     * @param failureRatePercent failed calls among the last {@code window} that open the circuit
     * @param openFor            how long an open circuit lets nothing through before it tries again
     */
    public record Circuit(int failureRatePercent, int window, Duration openFor) {
    }
}
