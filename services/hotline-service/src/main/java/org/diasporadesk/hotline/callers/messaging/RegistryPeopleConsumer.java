package org.diasporadesk.hotline.callers.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.PolledEvents;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.PeopleEvent;
import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.diasporadesk.hotline.tickets.application.TicketCallers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code householdContacts-in-0}: the registry's personal-data topic, a poll at a time, because an import's
 * thousands of household snapshots are then written to the directory a poll at once (see {@link PolledEvents}).
 * Maps and delegates: to caller recognition, and for erasures and merges, one at a time in their place, to the
 * tickets' callers as well.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPeopleConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> householdContacts(EventReceiver receiver, CallerRecognition recognition,
            TicketCallers ticketCallers) {
        return poll -> PolledEvents.apply(poll, receiver, PeopleEvent.class,
                HouseholdSnapshot.class::isInstance, recognition::applyHouseholds,
                event -> applyOne(event, recognition, ticketCallers));
    }

    private static void applyOne(ReceivedEvent<PeopleEvent> event, CallerRecognition recognition,
            TicketCallers ticketCallers) {
        if (event.payload() instanceof MigrantErased erased) {
            // Tickets first, while the directory still knows the person's numbers: a redelivery after a
            // failure in between finds them again.
            ticketCallers.erase(erased.migrantId(), erased.householdId(), erased.householdErased());
        }
        if (event.payload() instanceof FamilyMemberErased erased) {
            ticketCallers.erase(erased.familyMemberId(), erased.householdId(), false);
        }
        recognition.apply(event);
        if (event.payload() instanceof MigrantsMerged merged) {
            ticketCallers.merge(merged.migrantId(), merged.survivingMigrantId(), merged.survivingHouseholdId());
        }
    }
}
