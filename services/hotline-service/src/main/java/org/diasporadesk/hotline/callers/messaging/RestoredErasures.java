package org.diasporadesk.hotline.callers.messaging;

import org.diasporadesk.chassis.messaging.ErasedAgain;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.diasporadesk.hotline.tickets.application.TicketCallers;
import org.springframework.stereotype.Component;

/**
 * The hotline's part of the erasure ledger's replay: what a restored backup brought back of an erased person
 * (their numbers in the directory, tickets and calls) is erased again, in the order of a live erasure.
 */
@Component
class RestoredErasures implements ErasedAgain {

    private final CallerRecognition recognition;
    private final TicketCallers ticketCallers;

    RestoredErasures(CallerRecognition recognition, TicketCallers ticketCallers) {
        this.recognition = recognition;
        this.ticketCallers = ticketCallers;
    }

    @Override
    public void eraseAgain(ErasureRecorded entry) {
        ticketCallers.erase(entry.migrantId(), entry.householdId(), entry.householdErased());
        recognition.forgetAgain(entry);
    }
}
