package org.diasporadesk.outreach.hotlinehistory.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.outreach.hotlinehistory.application.HotlineHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code hotlineCallers-in-0}: the hotline's personal-data topic of known callers. Maps and delegates. */
@Configuration(proxyBeanMethods = false)
class HotlineCallersConsumer {

    @Bean
    Consumer<Message<byte[]>> hotlineCallers(EventReceiver receiver, HotlineHistory history) {
        return message -> history.apply(receiver.receive(message, KnownCallerContacted.class));
    }
}
