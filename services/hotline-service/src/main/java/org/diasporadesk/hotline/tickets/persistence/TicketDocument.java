package org.diasporadesk.hotline.tickets.persistence;

import java.time.Instant;
import java.util.List;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.hotline.tickets.domain.Caller;
import org.diasporadesk.hotline.tickets.domain.Channel;
import org.diasporadesk.hotline.tickets.domain.Note;
import org.diasporadesk.hotline.tickets.domain.Priority;
import org.diasporadesk.hotline.tickets.domain.Referral;
import org.diasporadesk.hotline.tickets.domain.ServiceLevel;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;
import org.diasporadesk.hotline.tickets.domain.Topic;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A ticket and its unpublished events in one document. {@code queueRank} orders the queue: escalated
 * emergencies first, then by priority, without a sort on an enum's name. {@code serviceLevelDueAt} is when the
 * ticket could next miss a target (absent when it cannot), for the service-level watch.
 */
@Document(TicketDocument.COLLECTION)
record TicketDocument(@Id String id, String officeCode, Caller caller, Channel channel, String language, Topic topic,
        Priority priority, int queueRank, TicketStatus status, String assignee, List<Note> notes, Instant openedAt,
        String openedBy, Instant escalatedAt, Instant finishedAt, ServiceLevel serviceLevel, List<Referral> referrals,
        Instant serviceLevelDueAt, Outbox outbox, @Version Long version) {

    static final String COLLECTION = "tickets";

    static final String SERVICE_LEVEL_DUE_AT = "serviceLevelDueAt";

    static TicketDocument of(Ticket ticket, Instant serviceLevelDueAt, Outbox outbox, Long version) {
        return new TicketDocument(ticket.id(), ticket.officeCode(), ticket.caller(), ticket.channel(), ticket.language(),
                ticket.topic(), ticket.priority(), queueRank(ticket), ticket.status(), ticket.assignee(),
                ticket.notes(), ticket.openedAt(), ticket.openedBy(), ticket.escalatedAt(), ticket.finishedAt(),
                ticket.serviceLevel(), ticket.referrals(), serviceLevelDueAt, outbox, version);
    }

    private static int queueRank(Ticket ticket) {
        return ticket.priority().ordinal() * 2 + (ticket.escalatedAt() != null ? 1 : 0);
    }

    Ticket ticket() {
        return new Ticket(id, officeCode, caller, channel, language, topic, priority, status, assignee, notes, openedAt,
                openedBy, escalatedAt, finishedAt, serviceLevel, referrals, version);
    }
}
