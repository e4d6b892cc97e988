package org.diasporadesk.outreach.recipients.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.PolledEvents;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.diasporadesk.events.registry.PeopleEvent;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code householdRecipients-in-0}: the registry's personal-data topic, a poll at a time, so that an
 * import's household snapshots are written a poll at once (see {@link PolledEvents}); erasures and merges one at a
 * time in their place. Maps and delegates.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPeopleConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> householdRecipients(EventReceiver receiver, RecipientRegister register) {
        return poll -> PolledEvents.apply(poll, receiver, PeopleEvent.class, HouseholdSnapshot.class::isInstance,
                register::applyHouseholds, register::apply);
    }
}
