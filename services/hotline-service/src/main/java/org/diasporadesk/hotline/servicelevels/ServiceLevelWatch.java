package org.diasporadesk.hotline.servicelevels;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.diasporadesk.hotline.tickets.application.TicketStore;
import org.diasporadesk.hotline.tickets.domain.ServiceLevel.Target;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks open tickets for missed service-level targets and records each miss once: on the ticket, as an event
 * for reporting and as the metric {@code ddesk.hotline.sla.breaches} (tags target, priority and municipality)
 * that the {@code SlaBreachSpike} alert and the services dashboard watch. A ticket changed by an agent during the
 * check is checked again next time.
 *
 * <p>Each check reads only the tickets whose stored due time has come (the store keeps it with every write), not
 * every open ticket: thousands of tickets read and converted each minute for nothing, while agents open more. The
 * due time is indexed. Due times are worked out again at every start.
 */
@Component
class ServiceLevelWatch {

    private static final Logger log = LoggerFactory.getLogger(ServiceLevelWatch.class);

    private final TicketStore store;
    private final ServiceLevels serviceLevels;
    private final MeterRegistry meters;
    private final Clock clock;

    ServiceLevelWatch(TicketStore store, ServiceLevels serviceLevels, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.serviceLevels = serviceLevels;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Once started and before the service reports itself ready for traffic: targets and office calendars are read at
     * start and may have changed since the tickets were written.
     */
    @EventListener(ApplicationStartedEvent.class)
    void refreshDueTimes() {
        int moved = store.refreshServiceLevelDueTimes();
        log.info("Service-level due times worked out again for the targets and office hours in force: {} moved", moved);
    }

    @Scheduled(fixedDelayString = "${ddesk.hotline.service-levels.check-every:60s}",
            initialDelayString = "${ddesk.hotline.service-levels.check-every:60s}")
    void check() {
        Instant now = clock.instant();
        for (Ticket ticket : store.serviceLevelsDue(now)) {
            Ticket current = ticket;
            ServiceLevels.Check check = serviceLevels.check(ticket, now);
            for (Target missed : check.newlyMissed()) {
                TicketChange change = current.breach(missed, check.officeMinutesRunning(), now);
                try {
                    store.update(change);
                }
                catch (OptimisticLockingFailureException changedMeanwhile) {
                    break;
                }
                current = change.ticket();
                meters.counter("ddesk.hotline.sla.breaches", "target", missed.name(), "priority",
                        current.priority().name(), "municipality", current.officeCode()).increment();
                log.info("Ticket {} of {} missed its {} target ({} priority)", current.id(), current.officeCode(),
                        missed, current.priority());
            }
        }
    }
}
