package org.diasporadesk.reporting.hotline.application;

import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.hotline.CallLogged;
import org.diasporadesk.events.hotline.HotlineEvent;
import org.diasporadesk.events.hotline.ReferralOutcomeRecorded;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.hotline.TicketReferred;
import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketServiceLevelBreached;
import org.diasporadesk.events.hotline.TicketStatusChanged;
import org.diasporadesk.reporting.projection.AppliedEvents;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.springframework.stereotype.Service;

/** Applies the hotline's ticket and call facts to the projections, exactly once in effect. */
@Service
public class HotlineProjection {

    private final TicketFacts facts;
    private final CallFacts calls;
    private final AppliedEvents appliedEvents;

    HotlineProjection(TicketFacts facts, CallFacts calls, AppliedEvents appliedEvents) {
        this.facts = facts;
        this.calls = calls;
        this.appliedEvents = appliedEvents;
    }

    public void apply(ReceivedEvent<HotlineEvent> event) {
        long sequence = event.envelope().sequence();
        boolean applied;
        if (event.payload() instanceof CallLogged call) {
            applied = calls.logged(call, sequence);
        }
        else if (event.payload() instanceof TicketOpened opened) {
            applied = facts.opened(opened, sequence);
        }
        else if (event.payload() instanceof TicketStatusChanged changed) {
            applied = facts.statusChanged(changed, sequence);
        }
        else if (event.payload() instanceof TicketResponded responded) {
            applied = facts.responded(responded, sequence);
        }
        else if (event.payload() instanceof TicketServiceLevelBreached breached) {
            applied = facts.breached(breached, sequence);
        }
        else if (event.payload() instanceof TicketReferred referred) {
            applied = facts.referred(referred, sequence);
        }
        else {
            applied = facts.referralOutcome((ReferralOutcomeRecorded) event.payload(), sequence);
        }
        appliedEvents.handled(event.envelope(), applied, FiguresChanged.HOTLINE);
    }
}
