package org.diasporadesk.hotline.tickets.application;

import java.util.List;

import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.diasporadesk.hotline.calls.application.Calls;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.springframework.stereotype.Service;

/**
 * Keeps the callers on tickets in step with the registry. An erasure removes the caller's name and number and
 * the notes about them, while the anonymous rest of the ticket (office, topic, priority, times) stays and still
 * counts; the number also goes from the calls the tickets were opened from. It reaches the tickets and calls from
 * the person's numbers too, also those taken before the hotline knew the number was theirs. A merge moves the merged
 * record's tickets to the surviving one, so the caller's history stays whole.
 */
@Service
public class TicketCallers {

    private final TicketStore store;
    private final Calls calls;
    private final CallerRecognition recognition;

    TicketCallers(TicketStore store, Calls calls, CallerRecognition recognition) {
        this.store = store;
        this.calls = calls;
        this.recognition = recognition;
    }

    /**
     * Called before the caller directory forgets the person, whose numbers it reads here.
     *
     * @param householdErased the family members who called about the migrant are erased too
     */
    public void erase(String migrantId, String householdId, boolean householdErased) {
        List<String> phones = recognition.phonesOf(householdId, migrantId, householdErased);
        List<Ticket> affected = store.byCaller(migrantId, householdErased ? householdId : null, phones);
        store.replaceCallers(affected.stream().map(Ticket::withoutPersonalData).toList());
        calls.forgetCallers(affected.stream().map(Ticket::id).toList(), phones);
    }

    public void merge(String mergedMigrantId, String survivingMigrantId, String survivingHouseholdId) {
        store.relinkCaller(mergedMigrantId, survivingMigrantId, survivingHouseholdId);
    }
}
