package org.diasporadesk.hotline.emergencies.application;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;
import org.diasporadesk.hotline.servicelevels.ServiceLevels;
import org.diasporadesk.hotline.tickets.application.HotlineProperties;
import org.diasporadesk.hotline.tickets.domain.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The supervisors' side of emergencies: an emergency ticket raises an alert for its office, the office's supervisors
 * see it on their board and one of them acknowledges it. The time to acknowledge runs in office hours, like the
 * ticket's service levels.
 */
@Service
public class EmergencyDesk {

    private static final Logger log = LoggerFactory.getLogger(EmergencyDesk.class);

    private final AlertStore alerts;
    private final ServiceLevels serviceLevels;
    private final HotlineProperties hotline;
    private final EmergencyProperties properties;
    private final Territory territory;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    EmergencyDesk(AlertStore alerts, ServiceLevels serviceLevels, HotlineProperties hotline,
            EmergencyProperties properties, Territory territory, ApplicationEventPublisher events, MeterRegistry meters,
            Clock clock) {
        this.alerts = alerts;
        this.serviceLevels = serviceLevels;
        this.hotline = hotline;
        this.properties = properties;
        this.territory = territory;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** Raises the alert of an emergency ticket just opened; nothing for other tickets, or for one raised before. */
    public void raise(TicketOpened opened) {
        if (!opened.emergency()) {
            return;
        }
        String topicName = hotline.topics().stream()
            .filter(topic -> topic.code().equals(opened.topic()))
            .map(Topic::name)
            .findFirst()
            .orElse(opened.topic());
        EmergencyAlert alert = EmergencyAlert.raise(opened.ticketId(), opened.municipalityCode(), opened.topic(),
                topicName, opened.openedAt(), serviceLevels.calendarOf(opened.municipalityCode())
                    .afterOfficeTime(opened.openedAt(), properties.acknowledgeWithin()));
        if (alerts.insertIfAbsent(alert)) {
            meters.counter("ddesk.hotline.emergencies.raised", "municipality", alert.officeCode()).increment();
            log.info("Emergency alert for ticket {} of {} ({}), to be acknowledged by {}", alert.ticketId(),
                    alert.officeCode(), alert.topic(), alert.acknowledgeBy());
            events.publishEvent(new AlertChanged(alert));
        }
    }

    /** The alerts of the offices the supervisor's area covers, recent ones, the newest first. */
    public List<EmergencyAlert> board(Actor supervisor) {
        if (supervisor.area() == null) {
            return List.of();
        }
        return alerts.ofOffices(territory.lowestLevelUnitsWithin(supervisor.area()),
                clock.instant().minus(properties.shownFor()));
    }

    /**
     * Records that the supervisor has taken the emergency on. The first acknowledgement stands: a second answers
     * with who acknowledged it and when.
     */
    public EmergencyAlert acknowledge(String ticketId, Actor supervisor) {
        EmergencyAlert alert = alerts.find(ticketId)
            .filter(found -> supervisor.covers(found.officeCode(), territory))
            .orElseThrow(() -> new NotFoundException("emergency alert", ticketId));
        if (alerts.acknowledge(ticketId, supervisor.userId(), clock.instant())) {
            EmergencyAlert acknowledged = alerts.find(ticketId).orElseThrow();
            log.info("Emergency alert for ticket {} of {} acknowledged by {}", ticketId, alert.officeCode(),
                    supervisor.userId());
            events.publishEvent(new AlertChanged(acknowledged));
            return acknowledged;
        }
        return alerts.find(ticketId).orElseThrow();
    }
}
