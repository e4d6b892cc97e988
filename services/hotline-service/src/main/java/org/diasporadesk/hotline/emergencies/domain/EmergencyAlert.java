package org.diasporadesk.hotline.emergencies.domain;

import java.time.Instant;

/**
 * An emergency ticket's alert to its office's supervisors: raised when the ticket opens, sent over the configured
 * channel, acknowledged by one supervisor (who and when is kept), and escalated to the region when nobody
 * acknowledged it in time. Holds no personal data: the caller's name and number stay on the ticket, which the
 * supervisor opens.
 *
 * @param ticketId         the emergency ticket, which also names the alert
 * @param acknowledgeBy    when it is escalated if nobody acknowledged it (office time after the ticket opened)
 * @param officeNotifiedAt when the office's supervisors were sent it, or null
 * @param acknowledgedBy   the supervisor who acknowledged it, or null
 * @param escalatedAt      when it was escalated to the region, or null
 */
public record EmergencyAlert(String ticketId, String officeCode, String topic, String topicName, Instant openedAt,
        Instant acknowledgeBy, Instant officeNotifiedAt, String acknowledgedBy, Instant acknowledgedAt,
        Instant escalatedAt) {

    public static EmergencyAlert raise(String ticketId, String officeCode, String topic, String topicName,
            Instant openedAt, Instant acknowledgeBy) {
        return new EmergencyAlert(ticketId, officeCode, topic, topicName, openedAt, acknowledgeBy, null, null, null,
                null);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public boolean escalated() {
        return escalatedAt != null;
    }
}
