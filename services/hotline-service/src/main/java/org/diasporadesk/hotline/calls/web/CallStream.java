package org.diasporadesk.hotline.calls.web;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.hotline.calls.application.CallDesk;
import org.diasporadesk.hotline.calls.domain.Call;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agents' open call streams. The calls in progress are read from the store every refresh, one query for every
 * office followed, so that a call whose events reached another instance of the service rings here too; an agent is
 * sent the calls of their offices, with who may be calling, whenever that list changed.
 */
@Component
class CallStream implements DisposableBean {

    private static final long TIMEOUT_MILLIS = 60 * 60 * 1000L;
    /** A comment every so many refreshes, so that proxies keep an idle stream open. */
    private static final int KEEP_ALIVE_EVERY = 100;

    private final CallDesk desk;
    private final Territory territory;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private int refreshes;

    CallStream(CallDesk desk, Territory territory) {
        this.desk = desk;
        this.territory = territory;
    }

    SseEmitter subscribe(Actor agent) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Subscription subscription = new Subscription(agent, emitter);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(error -> subscriptions.remove(subscription));
        subscription.sendIfChanged(desk.inProgress(desk.officesOf(agent)));
        subscriptions.add(subscription);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${ddesk.hotline.calls.screen-refresh:300ms}")
    void refresh() {
        if (subscriptions.isEmpty()) {
            return;
        }
        Set<String> offices = new LinkedHashSet<>();
        subscriptions.forEach(subscription -> offices.addAll(desk.officesOf(subscription.agent)));
        List<Call> calls = desk.inProgress(offices);
        boolean keepAlive = ++refreshes % KEEP_ALIVE_EVERY == 0;
        for (Subscription subscription : subscriptions) {
            if (!subscription.sendIfChanged(calls) && keepAlive) {
                subscription.send(SseEmitter.event().comment("keep-alive"));
            }
        }
    }

    @Override
    public void destroy() {
        subscriptions.forEach(subscription -> subscription.emitter.complete());
        subscriptions.clear();
    }

    private final class Subscription {

        private final Actor agent;
        private final SseEmitter emitter;
        private List<Call> lastSent;

        Subscription(Actor agent, SseEmitter emitter) {
            this.agent = agent;
            this.emitter = emitter;
        }

        /** Sends the agent's calls as {@code calls} if they are not what the agent last received. */
        boolean sendIfChanged(List<Call> all) {
            List<Call> mine = all.stream().filter(call -> agent.covers(call.officeCode(), territory)).toList();
            if (mine.equals(lastSent)) {
                return false;
            }
            lastSent = mine;
            send(SseEmitter.event().name("calls").data(mine.stream().map(call -> desk.recognised(call, agent)).toList(),
                    MediaType.APPLICATION_JSON));
            return true;
        }

        void send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
            }
            catch (IOException | IllegalStateException gone) {
                subscriptions.remove(this);
            }
        }
    }
}
