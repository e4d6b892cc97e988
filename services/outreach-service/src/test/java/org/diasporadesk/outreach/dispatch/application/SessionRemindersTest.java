package org.diasporadesk.outreach.dispatch.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignKind;
import org.diasporadesk.outreach.campaigns.domain.MessageTemplate;
import org.diasporadesk.outreach.campaigns.domain.Schedule;
import org.diasporadesk.outreach.campaigns.domain.SessionReminder;
import org.diasporadesk.outreach.campaigns.domain.TrainingSession;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.training.application.Rosters;
import org.diasporadesk.outreach.training.domain.Roster;
import org.diasporadesk.outreach.training.domain.RosterChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a queued reminder still goes when its time comes: the roster and the session's start decide. */
class SessionRemindersTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final TrainingSession SESSION = new TrainingSession("s1", NOW.plus(Duration.ofHours(20)),
            "Kutaisi", 1);
    private static final Campaign CAMPAIGN = Campaign.draft("c1", CampaignKind.TRAINING, "Bees", "GE-IM", "seg",
            List.of(Channel.SMS), Map.of("en", new MessageTemplate(null, "Hello")), "en", List.of(),
            List.of(SESSION), Schedule.atLaunch(),
            List.of(new SessionReminder(24, Map.of("en", new MessageTemplate(null, "Soon")))), List.of(), "coordinator",
            NOW);

    private final Roster roster = Roster.empty("s1", "c1", "GE-IM", SESSION.startsAt(), 1)
        .enrol("holder", "GE-IM-KUTAISI", PersonKind.MIGRANT, NOW).roster()
        .enrol("waiting", "GE-IM-KUTAISI", PersonKind.MIGRANT, NOW).roster();
    private final SessionReminders reminders = new SessionReminders(null, new OneRoster(roster), null, null, null,
            null);

    @Test
    void goesToWhoeverHoldsAPlaceWhileTheSessionIsAhead() {
        assertThat(reminders.stillStands(reminderTo("holder"), CAMPAIGN, NOW)).isTrue();
        assertThat(reminders.stillStands(reminderTo("waiting"), CAMPAIGN, NOW)).isFalse();
        assertThat(reminders.stillStands(reminderTo("stranger"), CAMPAIGN, NOW)).isFalse();
        assertThat(reminders.stillStands(reminderTo("holder"), CAMPAIGN, SESSION.startsAt())).as("begun").isFalse();
    }

    @Test
    void isDueFromItsHoursBeforeUntilTheSessionBegins() {
        SessionReminder dayBefore = CAMPAIGN.reminders().get(0);
        assertThat(dayBefore.due(SESSION, NOW)).isTrue();
        assertThat(dayBefore.due(SESSION, SESSION.startsAt().minus(Duration.ofHours(25)))).isFalse();
        assertThat(dayBefore.due(SESSION, SESSION.startsAt())).isFalse();
    }

    private static OutreachMessage reminderTo(String migrantId) {
        return OutreachMessage.queueReminder("m-" + migrantId, "c1", migrantId, "GE-IM-KUTAISI", PersonKind.MIGRANT, Channel.SMS, NOW,
                new OutreachMessage.Reminder("s1", 24), NOW).message();
    }

    private record OneRoster(Roster roster) implements Rosters {

        @Override
        public Optional<Roster> find(String sessionId) {
            return Optional.of(roster).filter(held -> held.sessionId().equals(sessionId));
        }

        @Override
        public void save(RosterChange change) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Roster> holding(String migrantId) {
            return List.of(roster);
        }
    }
}
