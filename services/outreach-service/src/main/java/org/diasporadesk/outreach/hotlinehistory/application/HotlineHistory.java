package org.diasporadesk.outreach.hotlinehistory.application;

import java.time.Clock;
import java.time.Duration;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.outreach.recipients.application.RecipientFilter;
import org.diasporadesk.outreach.recipients.application.RecipientLeft;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What the hotline tells outreach about registry people who called it, for segments such as "called about
 * business or investment in the last 30 days". A person the registry erases or merges away is forgotten here too.
 */
@Service
public class HotlineHistory {

    private final HotlineContacts contacts;
    private final EventReceiver receiver;
    private final Clock clock;

    HotlineHistory(HotlineContacts contacts, EventReceiver receiver, Clock clock) {
        this.contacts = contacts;
        this.receiver = receiver;
        this.clock = clock;
    }

    public void apply(ReceivedEvent<KnownCallerContacted> event) {
        KnownCallerContacted contacted = event.payload();
        if (!contacts.record(new HotlineContact(contacted.ticketId(), contacted.migrantId(), contacted.householdId(),
                contacted.topic(), contacted.contactedAt()))) {
            receiver.skippedDuplicate(event.envelope());
        }
    }

    /** The people a segment's hotline criterion selects now. */
    public RecipientFilter.Among callers(HotlineCalls calls) {
        return contacts.callers(calls.topics(), clock.instant().minus(Duration.ofDays(calls.withinDays())));
    }

    /** Erased or merged away in the registry: nothing of their calls stays here either. */
    @EventListener
    void on(RecipientLeft left) {
        if (left.forgotten()) {
            contacts.forget(left.migrantId());
        }
    }
}
