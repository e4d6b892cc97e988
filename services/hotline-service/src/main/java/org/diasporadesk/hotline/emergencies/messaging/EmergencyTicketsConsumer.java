package org.diasporadesk.hotline.emergencies.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.hotline.TicketEvent;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.hotline.emergencies.application.EmergencyDesk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code emergencyTickets-in-0}: the hotline's own ticket facts. An emergency ticket's alert is raised from
 * the published fact, not beside the ticket's write: the outbox publishes it once the ticket is stored, so no ticket
 * goes without its alert, and an alert never exists for a ticket that was not stored.
 */
@Configuration(proxyBeanMethods = false)
class EmergencyTicketsConsumer {

    @Bean
    Consumer<Message<byte[]>> emergencyTickets(EventReceiver receiver, EmergencyDesk desk) {
        return message -> {
            if (receiver.receive(message, TicketEvent.class).payload() instanceof TicketOpened opened) {
                desk.raise(opened);
            }
        };
    }
}
