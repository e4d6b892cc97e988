package org.diasporadesk.chassis.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationTimeZonesTest {

    private final DestinationTimeZones zones = new DestinationTimeZones();

    @Test
    void aCountryWithOneZoneAnswersAtOnce() {
        assertThat(zones.of("GR", null)).contains("Europe/Athens");
        assertThat(zones.of("ge", "Kutaisi")).contains("Asia/Tbilisi");
    }

    @Test
    void aCountryWithSeveralZonesNeedsTheCityAndNeverGuesses() {
        assertThat(zones.of("RU", null)).isEmpty();
        assertThat(zones.of("RU", "Moscow")).contains("Europe/Moscow");
        assertThat(zones.of("US", "New York")).contains("America/New_York");
        assertThat(zones.of("US", "Springfield")).isEmpty();
        assertThat(zones.of(null, "Athens")).isEmpty();
    }

    @Test
    void listsEveryZoneOfACountryForThoseWhoMustRespectThemAll() {
        assertThat(zones.allOf("RU")).contains("Europe/Moscow", "Asia/Vladivostok");
        assertThat(zones.allOf("GR")).containsExactly("Europe/Athens");
        assertThat(zones.allOf("")).isEmpty();
    }
}
