package org.diasporadesk.hotline.callers.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.registry.PeopleEvent;
import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code householdContacts-in-0}: the registry's personal-data topic. Maps and delegates. */
@Configuration(proxyBeanMethods = false)
class RegistryPeopleConsumer {

    @Bean
    Consumer<Message<byte[]>> householdContacts(EventReceiver receiver, CallerRecognition recognition) {
        return message -> recognition.apply(receiver.receive(message, PeopleEvent.class));
    }
}
