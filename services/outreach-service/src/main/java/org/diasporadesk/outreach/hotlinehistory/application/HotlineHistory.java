package org.diasporadesk.outreach.hotlinehistory.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.outreach.recipients.application.RecipientFilter;
import org.diasporadesk.outreach.recipients.application.RecipientLeft;
import org.diasporadesk.outreach.recipients.application.RecipientMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * What the hotline tells outreach about registry people who called it, for segments such as "called about
 * business or investment in the last 30 days". A person the registry erases is forgotten here too; one it merges
 * into another record has their contacts moved to that record; and no contact is kept longer than the longest
 * look back a segment may ask for.
 */
@Service
public class HotlineHistory {

    private static final Logger log = LoggerFactory.getLogger(HotlineHistory.class);

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
        if (contacted.contactedAt().isBefore(oldestKept())) {
            return; // no segment looks back that far (a replay of old history, say): not kept at all
        }
        if (!contacts.record(new HotlineContact(contacted.ticketId(), contacted.migrantId(), contacted.householdId(),
                contacted.topic(), contacted.contactedAt()))) {
            receiver.skippedDuplicate(event.envelope());
        }
    }

    /** Personal data kept no longer than a segment can use it: contacts older than the longest look back go. */
    @Scheduled(cron = "${ddesk.outreach.hotline-history.purge-cron:0 30 3 * * *}")
    void forgetOldContacts() {
        long forgotten = contacts.forgetBefore(oldestKept());
        if (forgotten > 0) {
            log.info("{} hotline contacts older than {} days deleted", forgotten, HotlineCalls.LONGEST_DAYS);
        }
    }

    private Instant oldestKept() {
        return clock.instant().minus(Duration.ofDays(HotlineCalls.LONGEST_DAYS));
    }

    /** The people a segment's hotline criterion selects now. */
    public RecipientFilter.Among callers(HotlineCalls calls) {
        return contacts.callers(calls.topics(), clock.instant().minus(Duration.ofDays(calls.withinDays())));
    }

    /** Erased or merged away in the registry: nothing of their calls stays here either. */
    @EventListener
    void on(RecipientMerged merged) {
        contacts.reattach(merged.migrantId(), merged.survivingMigrantId(), merged.survivingHouseholdId());
        if (merged.householdEmptied()) {
            contacts.reattachHousehold(merged.householdId(), merged.survivingHouseholdId());
        }
    }

    @EventListener
    void on(RecipientLeft left) {
        if (left.forgotten()) {
            contacts.forget(left.migrantId());
        }
    }
}
