package org.diasporadesk.outreach.channels;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between the dispatcher and the adapters: per channel a rate limit (the provider's) and a circuit
 * breaker (Resilience4j), so that a provider that is down is left alone for a while instead of being hammered
 * with every queued message, and messages wait instead of failing. Retries are the queue's job (a message goes
 * back with a later time), not a loop here: they survive a restart.
 */
public class ChannelGuard {

    private static final Logger log = LoggerFactory.getLogger(ChannelGuard.class);

    /** How long to wait when the rate limit is reached: about one refresh period. */
    private static final Duration RATE_LIMITED_WAIT = Duration.ofSeconds(1);

    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);
    private final Map<Channel, RateLimiter> limiters = new EnumMap<>(Channel.class);
    private final Duration openFor;

    public ChannelGuard(List<ChannelAdapter> channelAdapters, ChannelProperties properties, MeterRegistry meters) {
        this.openFor = properties.circuit().openFor();
        CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(properties.circuit().window())
            .minimumNumberOfCalls(properties.circuit().window())
            .failureRateThreshold(properties.circuit().failureRatePercent())
            .waitDurationInOpenState(openFor)
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());
        RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();
        for (ChannelAdapter adapter : channelAdapters) {
            Channel channel = adapter.channel();
            ChannelProperties.Settings settings = properties.settings().get(channel);
            adapters.put(channel, adapter);
            CircuitBreaker breaker = circuitBreakers.circuitBreaker(channel.name().toLowerCase(Locale.ROOT));
            breaker.getEventPublisher().onStateTransition(event -> log.warn("Channel {}: circuit {}", channel,
                    event.getStateTransition()));
            breakers.put(channel, breaker);
            limiters.put(channel, rateLimiters.rateLimiter(channel.name().toLowerCase(Locale.ROOT), RateLimiterConfig.custom()
                .limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build()));
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(rateLimiters).bindTo(meters);
    }

    /** Every adapter deletes what it keeps of these messages. */
    public void forget(Collection<String> idempotencyKeys) {
        adapters.values().forEach(adapter -> adapter.forget(idempotencyKeys));
    }

    /** Every adapter deletes what it keeps of messages sent before {@code cutoff}; returns how many. */
    public long forgetSentBefore(Instant cutoff) {
        return adapters.values().stream().mapToLong(adapter -> adapter.forgetSentBefore(cutoff)).sum();
    }

    public Delivery send(OutgoingMessage message) {
        Channel channel = message.channel();
        ChannelAdapter adapter = adapters.get(channel);
        if (adapter == null) {
            return new Delivery.Refused("no adapter is configured for " + channel);
        }
        CircuitBreaker breaker = breakers.get(channel);
        if (!breaker.tryAcquirePermission()) {
            return new Delivery.Deferred(openFor, channel + " is unavailable (circuit open)");
        }
        if (!limiters.get(channel).acquirePermission()) {
            breaker.releasePermission();
            return new Delivery.Deferred(RATE_LIMITED_WAIT, channel + " rate limit reached");
        }
        long started = System.nanoTime();
        try {
            String providerId = adapter.send(message);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return new Delivery.Sent(providerId);
        }
        catch (ChannelException refused) {
            if (refused.permanent()) {
                // The provider answered: the channel works, this message does not.
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return new Delivery.Refused(refused.getMessage());
            }
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, refused);
            return new Delivery.Failed(refused.getMessage());
        }
        catch (RuntimeException unexpected) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, unexpected);
            return new Delivery.Failed(unexpected.toString());
        }
    }

    /** For health and tests: OPEN, HALF_OPEN or CLOSED. */
    public String circuitState(Channel channel) {
        return breakers.get(channel).getState().name();
    }
}
