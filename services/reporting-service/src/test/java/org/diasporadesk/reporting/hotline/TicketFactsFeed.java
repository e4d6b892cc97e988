package org.diasporadesk.reporting.hotline;

import java.time.Instant;
import java.util.UUID;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.testsupport.KafkaProbe;

/** Publishes the hotline's ticket facts as its relay would, for tests that feed reporting. */
public final class TicketFactsFeed {

    private TicketFactsFeed() {
    }

    /** A new ticket about documents, opened at the office at {@code openedAt}. */
    public static void opened(String municipality, Instant openedAt) {
        String ticket = UUID.randomUUID().toString();
        TicketOpened opened = new TicketOpened(ticket, municipality, "documents", "NORMAL", "PHONE", "MIGRANT", false,
                openedAt);
        KafkaProbe.publish(Topic.HOTLINE_TICKETS.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/hotline-service", EventType.TICKET_OPENED_V1.typeName(), Instant.now(), ticket,
                municipality, 1, EventCodec.encode(opened)));
    }
}
