package org.diasporadesk.reporting.projection;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.EventEnvelope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows once a projection has handled an event, the same for every projection: an applied event
 * announces the figures it may have changed; one that changed nothing (a redelivery or an overtaken event) is
 * counted as a duplicate.
 */
@Component
public class AppliedEvents {

    private final EventReceiver receiver;
    private final ApplicationEventPublisher changes;

    AppliedEvents(EventReceiver receiver, ApplicationEventPublisher changes) {
        this.receiver = receiver;
        this.changes = changes;
    }

    public void handled(EventEnvelope envelope, boolean applied, FiguresChanged figures) {
        if (applied) {
            changes.publishEvent(figures);
        }
        else {
            receiver.skippedDuplicate(envelope);
        }
    }
}
