package org.diasporadesk.reporting.live;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Planners' live subscriptions to an area's figures, as server-sent events. The projections announce which kind
 * of figures an applied event may have changed; every push interval the figures of that kind are recomputed
 * once per followed area and sent to a subscriber only if they differ from what it last received. A new
 * subscriber first gets all of its area's figures. Events applied by another instance of the service are caught
 * by a periodic resync (every 2 s by default), which recomputes everything followed and sends only what differs.
 */
@Service
public class LiveFigures implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveFigures.class);

    private final AreaDashboard dashboard;
    private final Territory territory;
    private final LiveProperties properties;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Set<FiguresChanged> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-figures");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter pushes;

    LiveFigures(AreaDashboard dashboard, Territory territory, LiveProperties properties, MeterRegistry meters) {
        this.dashboard = dashboard;
        this.territory = territory;
        this.properties = properties;
        this.pushes = Counter.builder("ddesk.reporting.live.pushes")
            .description("Changed figures pushed to live subscribers")
            .register(meters);
        Gauge.builder("ddesk.reporting.live.subscribers", subscriptions, Set::size)
            .description("Open live figure streams")
            .register(meters);
        long interval = properties.pushInterval().toMillis();
        pusher.scheduleWithFixedDelay(this::pushChanges, interval, interval, TimeUnit.MILLISECONDS);
        long resync = properties.resync().toMillis();
        pusher.scheduleWithFixedDelay(this::resync, resync, resync, TimeUnit.MILLISECONDS);
        long heartbeat = properties.heartbeat().toMillis();
        pusher.scheduleWithFixedDelay(this::beat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the area's figures for a planner who may see the area.
     *
     * @throws org.diasporadesk.chassis.web.InvalidFieldException (400) for an unknown area
     * @throws org.diasporadesk.chassis.security.OutOfScopeException (403) for an area outside the planner's own
     */
    public SseEmitter subscribe(String areaCode, Actor planner) {
        AreaAccess.require(planner, territory, "area", areaCode);
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Subscription subscription = new Subscription(areaCode, planner, emitter);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(error -> subscriptions.remove(subscription));
        subscriptions.add(subscription);
        return emitter;
    }

    @EventListener
    void onChanged(FiguresChanged kind) {
        changed.add(kind);
    }

    /** Catches what other instances applied: everything counts as changed, and only real differences are sent. */
    private void resync() {
        if (!subscriptions.isEmpty()) {
            changed.addAll(EnumSet.allOf(FiguresChanged.class));
        }
    }

    private void pushChanges() {
        EnumSet<FiguresChanged> kinds = EnumSet.noneOf(FiguresChanged.class);
        for (FiguresChanged kind : FiguresChanged.values()) {
            if (changed.remove(kind)) {
                kinds.add(kind);
            }
        }
        Map<String, Object> computed = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            for (FiguresChanged kind : subscription.due(kinds)) {
                Object figures;
                try {
                    figures = computed.computeIfAbsent(kind + "@" + subscription.area,
                            key -> dashboard.figures(kind, subscription.area, subscription.planner));
                }
                catch (RuntimeException ex) {
                    // The projection's store failed: the figures go out on a later round instead.
                    log.warn("Live {} figures for {} could not be computed; retrying", kind, subscription.area, ex);
                    changed.add(kind);
                    continue;
                }
                try {
                    subscription.sendIfChanged(kind, figures);
                }
                catch (IOException | IllegalStateException gone) {
                    // The client went away (or its stream completed): nothing more to send it.
                    subscriptions.remove(subscription);
                    break;
                }
            }
        }
    }

    private void beat() {
        for (Subscription subscription : subscriptions) {
            try {
                subscription.emitter.send(SseEmitter.event().comment("keep-alive"));
            }
            catch (IOException | IllegalStateException gone) {
                subscriptions.remove(subscription);
            }
        }
    }

    @Override
    public void destroy() {
        pusher.shutdownNow();
        subscriptions.forEach(subscription -> subscription.emitter.complete());
        subscriptions.clear();
    }

    /** One open stream: its area, who follows it, and what it was last sent of each kind. */
    private final class Subscription {

        private final String area;
        private final Actor planner;
        private final SseEmitter emitter;
        private final Set<FiguresChanged> unsent = ConcurrentHashMap.newKeySet();
        private final Map<FiguresChanged, Object> lastSent = new ConcurrentHashMap<>();

        Subscription(String area, Actor planner, SseEmitter emitter) {
            this.area = area;
            this.planner = planner;
            this.emitter = emitter;
            unsent.addAll(EnumSet.allOf(FiguresChanged.class));
        }

        Set<FiguresChanged> due(EnumSet<FiguresChanged> changedKinds) {
            EnumSet<FiguresChanged> due = EnumSet.copyOf(changedKinds);
            for (FiguresChanged kind : FiguresChanged.values()) {
                if (unsent.remove(kind)) {
                    due.add(kind);
                }
            }
            return due;
        }

        void sendIfChanged(FiguresChanged kind, Object figures) throws IOException {
            if (figures.equals(lastSent.get(kind))) {
                return;
            }
            emitter.send(SseEmitter.event().name(AreaDashboard.eventName(kind)).data(figures,
                    MediaType.APPLICATION_JSON));
            lastSent.put(kind, figures);
            pushes.increment();
        }
    }
}
