package org.diasporadesk.outreach.hotlinehistory.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.outreach.recipients.application.RecipientFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long outreach keeps what the hotline told it: no longer than a segment may look back. */
class HotlineHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final List<HotlineContact> held = new ArrayList<>();
    private final List<Instant> forgottenBefore = new ArrayList<>();
    private final HotlineHistory history = new HotlineHistory(new HotlineContacts() {

        @Override
        public boolean record(HotlineContact contact) {
            return held.add(contact);
        }

        @Override
        public RecipientFilter.Among callers(Set<String> topics, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reattach(String migrantId, String survivingMigrantId, String survivingHouseholdId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reattachHousehold(String householdId, String survivingHouseholdId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forget(String migrantId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<HotlineContact> of(String migrantId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long forgetBefore(Instant time) {
            forgottenBefore.add(time);
            return 0;
        }
    }, new EventReceiver(new SimpleMeterRegistry()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aContactOlderThanTheLongestLookBackIsNotKeptAndOldOnesArePurged() {
        history.apply(contacted("ticket-1", NOW.minus(Duration.ofDays(HotlineCalls.LONGEST_DAYS + 1))));
        history.apply(contacted("ticket-2", NOW.minus(Duration.ofDays(HotlineCalls.LONGEST_DAYS - 1))));

        assertThat(held).extracting(HotlineContact::ticketId).containsExactly("ticket-2");

        history.forgetOldContacts();
        assertThat(forgottenBefore).containsExactly(NOW.minus(Duration.ofDays(HotlineCalls.LONGEST_DAYS)));
    }

    private static ReceivedEvent<KnownCallerContacted> contacted(String ticketId, Instant at) {
        KnownCallerContacted payload = new KnownCallerContacted(ticketId, "migrant-1", "household-1", "GE-IM-KUTAISI",
                "business-investment", at);
        return new ReceivedEvent<>(new EventEnvelope("event-" + ticketId, "/diaspora-desk/hotline-service",
                "org.diasporadesk.hotline.known-caller-contacted.v1", at, ticketId, "GE-IM-KUTAISI", 1, new byte[0]),
                payload);
    }
}
