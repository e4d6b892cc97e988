package org.diasporadesk.outreach.dispatch.application;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.diasporadesk.outreach.dispatch.domain.MessageChange;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.springframework.stereotype.Component;

/**
 * Writes a message's change and counts the published ones in {@code ddesk.outreach.messages} (tags channel and
 * status, lower case), which the services dashboard's delivery rate reads.
 */
@Component
class MessageLog {

    private final MessageQueue queue;
    private final MeterRegistry meters;

    MessageLog(MessageQueue queue, MeterRegistry meters) {
        this.queue = queue;
        this.meters = meters;
    }

    void record(MessageChange change) {
        queue.record(change);
        if (change.changed()) {
            OutreachMessage message = change.message();
            meters.counter("ddesk.outreach.messages", "channel", message.channel().name().toLowerCase(Locale.ROOT),
                    "status", message.status().name().toLowerCase(Locale.ROOT)).increment();
        }
    }
}
