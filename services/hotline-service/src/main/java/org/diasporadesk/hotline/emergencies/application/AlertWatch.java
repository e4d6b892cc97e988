package org.diasporadesk.hotline.emergencies.application;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends new alerts to their office's supervisors over the configured channel, and escalates to the region the alerts
 * nobody acknowledged in time ({@code ddesk.hotline.emergencies.escalated}, tag municipality). An alert is marked
 * before it is sent, so that of several instances one sends it; a send that fails is unmarked and tried again at the
 * next check. An alert escalated counts once it went out.
 */
@Component
class AlertWatch {

    private static final Logger log = LoggerFactory.getLogger(AlertWatch.class);
    private static final int BATCH = 100;

    private final AlertStore alerts;
    private final AlertChannel channel;
    private final Territory territory;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    AlertWatch(AlertStore alerts, AlertChannel channel, Territory territory, ApplicationEventPublisher events,
            MeterRegistry meters, Clock clock) {
        this.alerts = alerts;
        this.channel = channel;
        this.territory = territory;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ddesk.hotline.emergencies.check-every:15s}")
    void check() {
        for (EmergencyAlert alert : alerts.notYetSent(BATCH)) {
            if (alerts.markSent(alert.ticketId(), clock.instant()) && !send(alert, alert.officeCode(), false)) {
                alerts.unmarkSent(alert.ticketId());
            }
        }
        Instant now = clock.instant();
        for (EmergencyAlert alert : alerts.escalationsDue(now, BATCH)) {
            if (!alerts.markEscalated(alert.ticketId(), now)) {
                continue;
            }
            String region = regionOf(alert.officeCode());
            EmergencyAlert escalated = alerts.find(alert.ticketId()).orElseThrow();
            if (!send(escalated, region, true)) {
                alerts.unmarkEscalated(alert.ticketId());
                continue;
            }
            meters.counter("ddesk.hotline.emergencies.escalated", "municipality", alert.officeCode()).increment();
            log.warn("Emergency alert for ticket {} of {} not acknowledged by {}: escalated to {}", alert.ticketId(),
                    alert.officeCode(), alert.acknowledgeBy(), region);
            events.publishEvent(new AlertChanged(escalated));
        }
    }

    /** False if the channel failed: the alert is then sent again at the next check. */
    private boolean send(EmergencyAlert alert, String areaCode, boolean escalation) {
        try {
            if (!channel.send(alert, areaCode, escalation)) {
                log.warn("No e-mail contacts for {} (ddesk.hotline.emergencies.contacts) or no SMTP server "
                        + "(spring.mail.host): the emergency alert for ticket {} is on the supervisors' screens only",
                        areaCode, alert.ticketId());
            }
            return true;
        }
        catch (RuntimeException failed) {
            log.warn("The emergency alert for ticket {} could not be sent to {}; trying again at the next check",
                    alert.ticketId(), areaCode, failed);
            return false;
        }
    }

    /** The unit above the office (its region), or the office itself at the top of the territory. */
    private String regionOf(String officeCode) {
        return territory.lineage(officeCode).stream().skip(1).findFirst().map(TerritorialUnit::code).orElse(officeCode);
    }
}
