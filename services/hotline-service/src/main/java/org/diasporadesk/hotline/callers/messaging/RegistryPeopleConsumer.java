package org.diasporadesk.hotline.callers.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.PeopleEvent;
import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.diasporadesk.hotline.tickets.application.TicketCallers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code householdContacts-in-0}: the registry's personal-data topic. Maps and delegates: to caller
 * recognition, and for erasures and merges to the tickets' callers as well.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPeopleConsumer {

    @Bean
    Consumer<Message<byte[]>> householdContacts(EventReceiver receiver, CallerRecognition recognition,
            TicketCallers ticketCallers) {
        return message -> {
            ReceivedEvent<PeopleEvent> event = receiver.receive(message, PeopleEvent.class);
            if (event.payload() instanceof MigrantErased erased) {
                // Tickets first, while the directory still knows the person's numbers: a redelivery after a
                // failure in between finds them again.
                ticketCallers.erase(erased.migrantId(), erased.householdId(), erased.householdErased());
            }
            recognition.apply(event);
            if (event.payload() instanceof MigrantsMerged merged) {
                ticketCallers.merge(merged.migrantId(), merged.survivingMigrantId(), merged.survivingHouseholdId());
            }
        };
    }
}
