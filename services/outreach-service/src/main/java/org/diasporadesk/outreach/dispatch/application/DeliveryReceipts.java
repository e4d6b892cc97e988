package org.diasporadesk.outreach.dispatch.application;

import java.time.Clock;

import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.springframework.stereotype.Service;

/**
 * A provider tells whether a message it took arrived. Receipts may come twice or late: a receipt for a message
 * already delivered, failed or withdrawn changes nothing.
 */
@Service
public class DeliveryReceipts {

    private final MessageQueue queue;
    private final MessageLog messageLog;
    private final Clock clock;

    DeliveryReceipts(MessageQueue queue, MessageLog messageLog, Clock clock) {
        this.queue = queue;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    public enum Outcome { DELIVERED, FAILED }

    /** @param messageId the idempotency key the message was sent with */
    public void receive(Channel channel, String messageId, Outcome outcome, String reason) {
        OutreachMessage message = queue.find(messageId)
            .orElseThrow(() -> new NotFoundException("message", messageId));
        if (message.channel() != channel) {
            throw new InvalidFieldException("messageId", "message " + messageId + " went by " + message.channel()
                    + ", not " + channel);
        }
        messageLog.record(outcome == Outcome.DELIVERED ? message.delivered(clock.instant())
                : message.failed(reason == null ? "the provider reported it undelivered" : reason, clock.instant()));
    }
}
