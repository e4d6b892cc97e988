package org.diasporadesk.reporting.hotline.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.hotline.HotlineEvent;
import org.diasporadesk.reporting.hotline.application.HotlineProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code hotlineTickets-in-0}: the hotline's PII-free ticket facts. Maps and delegates. */
@Configuration(proxyBeanMethods = false)
class HotlineTicketsConsumer {

    @Bean
    Consumer<Message<byte[]>> hotlineTickets(EventReceiver receiver, HotlineProjection projection) {
        return message -> projection.apply(receiver.receive(message, HotlineEvent.class));
    }
}
