package org.diasporadesk.outreach.recipients.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.registry.PeopleEvent;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code householdRecipients-in-0}: the registry's personal-data topic. Maps and delegates. */
@Configuration(proxyBeanMethods = false)
class RegistryPeopleConsumer {

    @Bean
    Consumer<Message<byte[]>> householdRecipients(EventReceiver receiver, RecipientRegister register) {
        return message -> register.apply(receiver.receive(message, PeopleEvent.class));
    }
}
