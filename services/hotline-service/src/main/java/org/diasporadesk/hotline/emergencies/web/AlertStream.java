package org.diasporadesk.hotline.emergencies.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.hotline.emergencies.application.AlertChanged;
import org.diasporadesk.hotline.emergencies.application.EmergencyDesk;
import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The supervisors' open alert streams. A change made by this instance goes out at once; one made by another instance
 * of the service reaches this instance's supervisors with the next resync, which sends the board again to whoever
 * would see it differ.
 */
@Component
class AlertStream implements DisposableBean {

    private static final long TIMEOUT_MILLIS = 60 * 60 * 1000L;

    private final EmergencyDesk desk;
    private final Territory territory;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    AlertStream(EmergencyDesk desk, Territory territory) {
        this.desk = desk;
        this.territory = territory;
    }

    SseEmitter subscribe(Actor supervisor) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Subscription subscription = new Subscription(supervisor, emitter);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(error -> subscriptions.remove(subscription));
        subscriptions.add(subscription);
        subscription.sendBoard();
        return emitter;
    }

    @EventListener
    void onChanged(AlertChanged changed) {
        for (Subscription subscription : subscriptions) {
            if (subscription.supervisor.covers(changed.alert().officeCode(), territory)) {
                subscription.send(SseEmitter.event().name("alert").data(changed.alert(), MediaType.APPLICATION_JSON));
            }
        }
    }

    @Scheduled(fixedDelayString = "${ddesk.hotline.emergencies.check-every:15s}")
    void resync() {
        subscriptions.forEach(Subscription::sendBoard);
    }

    @Override
    public void destroy() {
        subscriptions.forEach(subscription -> subscription.emitter.complete());
        subscriptions.clear();
    }

    private final class Subscription {

        private final Actor supervisor;
        private final SseEmitter emitter;
        private volatile List<EmergencyAlert> lastBoard;

        Subscription(Actor supervisor, SseEmitter emitter) {
            this.supervisor = supervisor;
            this.emitter = emitter;
        }

        /** The whole board, if it is not what this supervisor last received (a keep-alive otherwise). */
        void sendBoard() {
            List<EmergencyAlert> board = desk.board(supervisor);
            if (board.equals(lastBoard)) {
                send(SseEmitter.event().comment("keep-alive"));
                return;
            }
            lastBoard = board;
            send(SseEmitter.event().name("alerts").data(board, MediaType.APPLICATION_JSON));
        }

        void send(SseEmitter.SseEventBuilder event) {
            try {
                synchronized (this) {
                    emitter.send(event);
                }
            }
            catch (IOException | IllegalStateException gone) {
                subscriptions.remove(this);
            }
        }
    }
}
