package org.diasporadesk.events.hotline;

/** A fact about one ticket: the ticket id is the Kafka key and CloudEvents subject. */
public sealed interface TicketEvent extends HotlineEvent
        permits TicketOpened, TicketStatusChanged, TicketResponded, TicketServiceLevelBreached, TicketReferred,
        ReferralOutcomeRecorded {

    String ticketId();
}
