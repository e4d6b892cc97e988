package org.diasporadesk.outreach.dispatch.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theDayIsOpenAndTheNightWaitsForNineInTheMorningWhereTheRecipientLives() {
        // 23 November 2026: Athens is UTC+2.
        Instant noonInAthens = Instant.parse("2026-11-23T10:00:00Z");
        Instant elevenPmInAthens = Instant.parse("2026-11-23T21:00:00Z");

        assertThat(NIGHT.nextAllowed(noonInAthens, List.of(ATHENS))).isEqualTo(noonInAthens);
        assertThat(NIGHT.nextAllowed(elevenPmInAthens, List.of(ATHENS))).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
        assertThat(NIGHT.nextAllowed(Instant.parse("2026-11-23T06:59:00Z"), List.of(ATHENS)))
            .as("08:59 in Athens").isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(NIGHT.nextAllowed(Instant.parse("2026-11-23T18:59:00Z"), List.of(ATHENS)))
            .as("20:59 in Athens").isEqualTo(Instant.parse("2026-11-23T18:59:00Z"));
    }

    @Test
    void whereOnlyTheCountryIsKnownTheMessageWaitsUntilItIsDayInAllItsZones() {
        List<ZoneId> russia = List.of(ZoneId.of("Europe/Kaliningrad"), ZoneId.of("Europe/Moscow"),
                ZoneId.of("Asia/Vladivostok"));
        // 06:00 UTC: 08:00 Kaliningrad, 09:00 Moscow, 16:00 Vladivostok.
        Instant allowed = NIGHT.nextAllowed(Instant.parse("2026-11-23T06:00:00Z"), russia);

        assertThat(allowed).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        for (ZoneId zone : russia) {
            assertThat(NIGHT.quiet(allowed, zone)).as(zone.getId()).isFalse();
        }
    }

    @Test
    void daylightSavingTimeIsTheZonesOwn() {
        // 8 March 2026, the night the United States move their clocks forward.
        Instant lateEvening = Instant.parse("2026-03-08T03:00:00Z");

        assertThat(NIGHT.nextAllowed(lateEvening, List.of(NEW_YORK))).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
    }
}
