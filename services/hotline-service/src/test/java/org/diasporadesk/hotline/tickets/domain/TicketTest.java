package org.diasporadesk.hotline.tickets.domain;

import java.time.Duration;
import java.time.Instant;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.GoldenSamples;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketStatusChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T08:05:00Z");
    private static final Duration REOPEN_WITHIN = Duration.ofDays(14);
    private static final Topic RECRUITMENT = new Topic("illegal-recruitment", "Illegal recruitment in progress", true,
            true);
    private static final Topic DOCUMENTS = new Topic("documents", "Documents", false, false);
    /** A service-level clock that has run 95 office minutes whenever it is read. */
    private static final ServiceClock CLOCK = (ticket, at) -> 95;

    @Test
    void anEmergencyIsHighPriorityAndEscalatedFromTheStartWhateverWasAsked() {
        TicketChange opened = open(RECRUITMENT, Priority.LOW);

        assertThat(opened.ticket().priority()).isEqualTo(Priority.HIGH);
        assertThat(opened.ticket().escalatedAt()).isEqualTo(OPENED);
        assertThat(GoldenSamples.tree(EventCodec.encode(opened.events().get(0))))
            .isEqualTo(GoldenSamples.tree(EventType.TICKET_OPENED_V1));
        assertThat(open(DOCUMENTS, null).ticket().priority()).isEqualTo(Priority.NORMAL);
        assertThat(open(DOCUMENTS, null).ticket().escalatedAt()).isNull();
    }

    @Test
    void outreachLearnsThatAKnownCallerCalledAboutATopicUnlessItIsAnEmergencyOrConfidential() {
        assertThat(open(DOCUMENTS, null).events()).element(1).isEqualTo(new KnownCallerContacted(
                "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f", null, "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b", "GE-IM-KUTAISI",
                "documents", OPENED));
        assertThat(open(RECRUITMENT, null).events()).as("an emergency").singleElement()
            .isInstanceOf(TicketOpened.class);
        Topic health = new Topic("health-abroad", "Health abroad", false, true);
        assertThat(open(health, null).events()).as("a confidential topic").singleElement()
            .isInstanceOf(TicketOpened.class);
        Caller unknown = new Caller(Caller.Kind.OTHER, "+995599123457", null, null, null, null);
        assertThat(Ticket.open("6e7f8091-ab1c-4d2e-9f3a-5b6c7d8e9fa0", "GE-IM-KUTAISI", unknown, Channel.INBOUND_CALL,
                "ka", DOCUMENTS, null, null, "agent-1", OPENED).events()).as("a caller the registry does not know")
            .singleElement().isInstanceOf(TicketOpened.class);
    }

    @Test
    void aTicketMovesOnlyAlongItsLifeCycle() {
        Ticket ticket = open(RECRUITMENT, null).ticket();
        Ticket inProgress = ticket.moveTo(TicketStatus.IN_PROGRESS, REOPEN_WITHIN, OPENED.plusSeconds(60), CLOCK)
            .ticket();

        assertThatThrownBy(() -> inProgress.moveTo(TicketStatus.CLOSED, REOPEN_WITHIN, OPENED, CLOCK))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("WAITING").hasMessageContaining("RESOLVED");
        TicketChange resolved = inProgress.moveTo(TicketStatus.RESOLVED, REOPEN_WITHIN,
                OPENED.plus(Duration.ofMinutes(150)), CLOCK);
        assertThat(resolved.events()).singleElement().isInstanceOf(TicketStatusChanged.class);
        assertThat(GoldenSamples.tree(EventCodec.encode(resolved.events().get(0))))
            .isEqualTo(GoldenSamples.tree(EventType.TICKET_STATUS_CHANGED_V1));
        assertThat(((TicketStatusChanged) resolved.events().get(0)).minutesOpen()).isEqualTo(150);
    }

    @Test
    void theFirstResponseIsPublishedOnceWithTheServiceLevelClocksMinutes() {
        Ticket ticket = open(RECRUITMENT, null).ticket();
        ServiceClock twentyMinutes = (clocked, at) -> 20;

        TicketChange noted = ticket.addNote("agent-1", "called the embassy", OPENED.plus(Duration.ofMinutes(20)),
                twentyMinutes);
        TicketChange started = noted.ticket().moveTo(TicketStatus.IN_PROGRESS, REOPEN_WITHIN,
                OPENED.plus(Duration.ofMinutes(30)), CLOCK);

        assertThat(noted.events()).singleElement().isInstanceOf(TicketResponded.class);
        assertThat(GoldenSamples.tree(EventCodec.encode(noted.events().get(0))))
            .isEqualTo(GoldenSamples.tree(EventType.TICKET_RESPONDED_V1));
        assertThat(started.events()).as("the office had already responded").singleElement()
            .isInstanceOf(TicketStatusChanged.class);
        assertThat(ticket.refer("r-1", "p-1", "IOM Georgia", "INTERNATIONAL_ORGANISATION", null, "agent-1",
                OPENED.plus(Duration.ofMinutes(5)), CLOCK).events()).first().isInstanceOf(TicketResponded.class);
    }

    @Test
    void aResolvedTicketReopensWithinThePeriodAndNotAfter() {
        Instant resolvedAt = OPENED.plus(Duration.ofHours(2));
        Ticket resolved = open(DOCUMENTS, null).ticket()
            .moveTo(TicketStatus.RESOLVED, REOPEN_WITHIN, resolvedAt, CLOCK).ticket()
            .moveTo(TicketStatus.CLOSED, REOPEN_WITHIN, resolvedAt.plus(Duration.ofDays(1)), CLOCK).ticket();

        assertThat(resolved.moveTo(TicketStatus.IN_PROGRESS, REOPEN_WITHIN, resolvedAt.plus(Duration.ofDays(13)), CLOCK)
            .ticket().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThatThrownBy(() -> resolved.moveTo(TicketStatus.IN_PROGRESS, REOPEN_WITHIN,
                resolvedAt.plus(Duration.ofDays(15)), CLOCK))
            .hasMessageContaining("open a new ticket");
    }

    @Test
    void erasureKeepsTheAnonymousTicket() {
        Ticket ticket = open(DOCUMENTS, null).ticket().addNote("agent-1", "Nino's son needs an apostille", OPENED,
                CLOCK).ticket();

        Ticket erased = ticket.withoutPersonalData();

        assertThat(erased.caller()).isEqualTo(new Caller(Caller.Kind.FAMILY_MEMBER, null, null, null, null, null));
        assertThat(erased.notes()).extracting(Note::text).containsOnly("[erased]");
        assertThat(erased.topic()).isEqualTo(DOCUMENTS);
        assertThat(erased.openedAt()).isEqualTo(OPENED);
    }

    private static TicketChange open(Topic topic, Priority priority) {
        Caller caller = new Caller(Caller.Kind.FAMILY_MEMBER, "+995599123456", "ნინო ბერიძე", null,
                "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b", "Asia/Tbilisi");
        TicketChange change = Ticket.open("5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f", "GE-IM-KUTAISI", caller,
                Channel.INBOUND_CALL, "ka", topic, priority, "worried about her son", "agent-1", OPENED);
        assertThat(change.events()).first().isInstanceOf(TicketOpened.class);
        return change;
    }
}
