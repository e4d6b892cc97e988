package org.diasporadesk.registry.household.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.GoldenSamples;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HouseholdTest {

    private static final Instant COLLECTED = Instant.parse("2026-11-20T09:30:00Z");

    @Test
    void registrationCausesThePersonalAndTheStatisticalFactInThatOrder() {
        HouseholdChange change = register(vakhtang(true));

        assertThat(change.events()).hasExactlyElementsOfTypes(HouseholdRegistered.class,
                HouseholdStatisticsRecorded.class);
    }

    @Test
    void registrationFactsSerialiseExactlyToTheGoldenSamples() {
        HouseholdChange change = register(vakhtang(true));

        assertThat(GoldenSamples.tree(EventCodec.encode(change.events().get(0))))
            .isEqualTo(GoldenSamples.tree(EventType.HOUSEHOLD_REGISTERED_V1));
        assertThat(GoldenSamples.tree(EventCodec.encode(change.events().get(1))))
            .isEqualTo(GoldenSamples.tree(EventType.HOUSEHOLD_STATISTICS_RECORDED_V1));
    }

    @Test
    void migrantsWithoutConsentToStatisticsAreLeftOutOfTheStatisticalFact() {
        HouseholdChange change = register(vakhtang(false));

        HouseholdStatisticsRecorded statistics = (HouseholdStatisticsRecorded) change.events().get(1);
        assertThat(statistics.migrants()).isEmpty();
        assertThat(statistics.municipalityCode()).isEqualTo("GE-IM-KUTAISI");
    }

    @Test
    void aHouseholdWithoutMigrantsCannotBeRegistered() {
        assertThatThrownBy(() -> Household.register("h", "GE-IM-KUTAISI", null, List.of(), List.of(),
                new Provenance("officer", null, null), COLLECTED))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static HouseholdChange register(Migrant migrant) {
        return Household.register("7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b", "GE-IM-KUTAISI", "Kutaisi, Tsereteli St 12",
                List.of(new Informant("ნინო ბერიძე", "mother", "+995599123456")), List.of(migrant),
                new Provenance("officer-kutaisi", "ნინო ბერიძე", LocalDate.parse("2026-11-20")), COLLECTED);
    }

    private static Migrant vakhtang(boolean statisticsConsent) {
        return new Migrant("0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", "ვახტანგ", "ბერიძე", "Vakhtang Beridze", Sex.MALE,
                1988, "GR", "Athens", 2015, LifecycleStage.ABROAD, "ka", List.of("+306912345678"),
                "vakhtang.beridze@example.org", new Consent(true, true, statisticsConsent));
    }
}
