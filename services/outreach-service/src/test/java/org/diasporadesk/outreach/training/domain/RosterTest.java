package org.diasporadesk.outreach.training.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.events.outreach.SessionRosterChanged.HomeCount;
import org.diasporadesk.events.registry.PersonKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RosterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Instant STARTS = NOW.plus(Duration.ofHours(1));

    @Test
    void theCountsAreBrokenDownByHomeAndKindAndAPlaceFreedGoesToTheFirstWaitingWithTheirHome() {
        Roster roster = Roster.empty("s1", "c1", "GE-IM", STARTS, 2)
            .enrol("mother", "GE-IM-KUTAISI", PersonKind.FAMILY_MEMBER, NOW).roster()
            .enrol("migrant", "GE-IM-KUTAISI", PersonKind.MIGRANT, NOW).roster()
            .enrol("brother", "GE-IM-TKIBULI", PersonKind.FAMILY_MEMBER, NOW).roster();

        RosterChange change = roster.withdraw("migrant", NOW);

        SessionRosterChanged counts = (SessionRosterChanged) change.events().get(0);
        assertThat(counts.enrolled()).isEqualTo(2);
        assertThat(counts.byHome()).containsExactly(
                new HomeCount("GE-IM-KUTAISI", PersonKind.FAMILY_MEMBER, 1, 0, 0),
                new HomeCount("GE-IM-TKIBULI", PersonKind.FAMILY_MEMBER, 1, 0, 0));
        RosterChange attended = change.roster().attendance("brother", true, STARTS);
        assertThat(((SessionRosterChanged) attended.events().get(0)).byHome()).contains(
                new HomeCount("GE-IM-TKIBULI", PersonKind.FAMILY_MEMBER, 1, 0, 1));
    }

    @Test
    void placesKeptBeforeHomesWereAreCountedInTheTotalsOnly() {
        Roster old = new Roster("s1", "c1", "GE-IM", STARTS, 5,
                List.of(new Roster.Place("someone", NOW, null, null, null)), List.of(), 1);

        SessionRosterChanged counts = (SessionRosterChanged) old.enrol("new", "GE-IM-KUTAISI", PersonKind.MIGRANT, NOW)
            .events().get(0);

        assertThat(counts.enrolled()).isEqualTo(2);
        assertThat(counts.byHome()).containsExactly(new HomeCount("GE-IM-KUTAISI", PersonKind.MIGRANT, 1, 0, 0));
    }
}
