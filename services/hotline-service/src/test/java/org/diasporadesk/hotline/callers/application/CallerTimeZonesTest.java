package org.diasporadesk.hotline.callers.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTimeZonesTest {

    private final CallerTimeZones zones = new CallerTimeZones();

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
}
