package org.diasporadesk.registry.household.matching.domain;

import java.time.Instant;
import java.util.List;

import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.registry.household.domain.Consent;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.domain.Provenance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchEvidenceTest {

    @Test
    void theSamePersonReportedByAnotherRelativeInAnotherScriptIsFlagged() {
        MatchEvidence evidence = compare(migrant("ვახტანგ", "ბერიძე", null, 1984, "IT", "+393456001234"), "+995599111111",
                migrant(null, null, "Vakhtang Beridze", 1984, "IT", "+393456001234"), "+995599222222");

        assertThat(evidence.reasons()).containsExactlyInAnyOrder(MatchReason.SAME_PHONE, MatchReason.SAME_NAME,
                MatchReason.SAME_BIRTH_YEAR, MatchReason.SAME_DESTINATION);
        assertThat(evidence.score()).isEqualTo(19);
        assertThat(evidence.flagged()).isTrue();
    }

    @Test
    void aNewNumberAndAYearMisrememberedStillFlagTheSameNameAndDestination() {
        MatchEvidence evidence = compare(migrant("ნინო", "ლომიძე", null, 1990, "GR", "+306944000001"), null,
                migrant("Нино", "Ломидзе", null, 1991, "GR", "+306944000002"), null);

        assertThat(evidence.reasons()).containsExactlyInAnyOrder(MatchReason.SAME_NAME, MatchReason.NEAR_BIRTH_YEAR,
                MatchReason.SAME_DESTINATION);
        assertThat(evidence.flagged()).isTrue();
    }

    @Test
    void aNamesakeAYearApartInAnotherCountryIsNotFlagged() {
        MatchEvidence evidence = compare(migrant("გიორგი", "ბერიძე", null, 1985, "IT", "+393456001234"), null,
                migrant("გიორგი", "ბერიძე", null, 1986, "RU", "+79161234567"), null);

        assertThat(evidence.reasons()).contains(MatchReason.OTHER_DESTINATION);
        assertThat(evidence.score()).isLessThan(MatchEvidence.THRESHOLD);
        assertThat(evidence.flagged()).isFalse();
    }

    @Test
    void brothersSharingANumberAreNotFlagged() {
        MatchEvidence evidence = compare(migrant("ლევან", "ბერიძე", null, 1986, "DE", "+491701000001"), "+995599111111",
                migrant("დავით", "ბერიძე", null, 1988, "DE", "+491701000001"), "+995599111111");

        assertThat(evidence.reasons()).contains(MatchReason.SAME_PHONE, MatchReason.OTHER_NAME,
                MatchReason.BIRTH_YEARS_APART);
        assertThat(evidence.flagged()).isFalse();
    }

    @Test
    void aRomanisationThatDiffersFromTheFamilysLatinSpellingStillMatchesOnTheLatinName() {
        MatchEvidence evidence = compare(migrant("Avtandil", "Lordkipanidze", "Avtandil Lordkipanidze", 1988, "GR",
                "+306944300008"), null, migrant("ავთანდილ", "ლორთქიფანიძე", "Avtandil Lordkipanidze", 1988, "GR",
                        "+306944300009"), null);

        assertThat(evidence.reasons()).contains(MatchReason.SAME_NAME);
        assertThat(evidence.flagged()).isTrue();
    }

    @Test
    void aNameWithoutItsFamilyNameIsSimilarNotTheSame() {
        MatchEvidence evidence = compare(migrant("თამარ", null, null, 1992, "TR", "+905321234567"), null,
                migrant("თამარ", "კაპანაძე", null, 1992, "TR", "+905321234567"), null);

        assertThat(evidence.reasons()).contains(MatchReason.SIMILAR_NAME, MatchReason.SAME_PHONE);
        assertThat(evidence.flagged()).isTrue();
    }

    private static MatchEvidence compare(Migrant a, String informantPhoneA, Migrant b, String informantPhoneB) {
        return MatchEvidence.of(household(a, informantPhoneA), a, household(b, informantPhoneB), b);
    }

    private static Household household(Migrant migrant, String informantPhone) {
        return Household.register("h-" + migrant.migrantId(), "GE-IM-KUTAISI", null,
                List.of(new Informant("informant", "mother", informantPhone)), List.of(migrant),
                new Provenance("officer", null, null), Instant.parse("2026-11-20T09:30:00Z")).household();
    }

    private static Migrant migrant(String given, String family, String latin, int birthYear, String destination,
            String phone) {
        return new Migrant(given + family + latin + birthYear + phone, given, family, latin, Sex.MALE, birthYear,
                destination, null, null, LifecycleStage.ABROAD, "ka", List.of(phone), null,
                new Consent(true, true, true), List.of(), null, List.of(), null, null);
    }
}
