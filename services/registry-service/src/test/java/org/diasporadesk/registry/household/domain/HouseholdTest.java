package org.diasporadesk.registry.household.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.GoldenSamples;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.events.registry.Sex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HouseholdTest {

    private static final Instant COLLECTED = Instant.parse("2026-11-20T09:30:00Z");
    private static final Instant LATER = Instant.parse("2026-11-23T10:00:00Z");

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

    @Test
    void aCorrectionRecordsOnlyTheFieldsThatChangedAndKeepsConsent() {
        Household household = register(vakhtang(true)).household();
        Migrant current = household.migrants().get(0);
        Migrant corrected = new Migrant(current.migrantId(), current.givenName(), current.familyName(), current.nameLatin(),
                current.sex(), current.birthYear(), "IT", "Rome", current.departureYear(), LifecycleStage.RETURNING,
                current.preferredLanguage(), current.phones(), current.email(), new Consent(false, false, false),
                current.messengers(), current.occupation(), current.skills(), current.education(), current.verification());

        HouseholdChange change = household.correctMigrant(corrected, "officer-kutaisi", "by phone", LATER);

        assertThat(change.events()).hasExactlyElementsOfTypes(HouseholdUpdated.class, HouseholdStatisticsRecorded.class);
        Migrant after = change.household().migrants().get(0);
        assertThat(after.consent()).isEqualTo(current.consent());
        MigrantHistoryEntry entry = change.household().historyOf(current.migrantId()).get(0);
        assertThat(entry.changes()).extracting(MigrantHistoryEntry.FieldChange::field)
            .containsExactly("destinationCountry", "destinationCity", "lifecycleStage");
        assertThat(entry.changes().get(2)).isEqualTo(new MigrantHistoryEntry.FieldChange("lifecycleStage", "ABROAD",
                "RETURNING"));
        assertThat(household.correctMigrant(current, "officer-kutaisi", null, LATER).events()).isEmpty();
    }

    @Test
    void withdrawingConsentToOutreachTellsTheContactServicesButLeavesStatisticsAlone() {
        Household household = register(vakhtang(true)).household();
        String id = household.migrants().get(0).migrantId();

        HouseholdChange change = household.changeConsent(id, ConsentPurpose.OUTREACH, false, "officer", "sister", LATER);

        assertThat(change.events()).hasExactlyElementsOfTypes(HouseholdUpdated.class);
        assertThat(((HouseholdUpdated) change.events().get(0)).migrants().get(0).consent().outreach()).isFalse();
        assertThat(change.household().historyOf(id)).singleElement()
            .extracting(MigrantHistoryEntry::kind).isEqualTo(MigrantHistoryEntry.Kind.CONSENT);
        assertThat(change.household().changeConsent(id, ConsentPurpose.OUTREACH, false, "officer", null, LATER).events())
            .as("withdrawing twice changes nothing").isEmpty();
    }

    @Test
    void anErasedMigrantStaysCountedAnonymouslyAndIsNeverAddedBack() {
        Migrant brother = new Migrant("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "ლევან", "ბერიძე", "Levan Beridze", Sex.MALE,
                1992, "DE", "Berlin", 2019, LifecycleStage.ABROAD, "ka", List.of("+491701234567"), null,
                new Consent(true, true, true), List.of(), null, List.of(), null, null);
        Household household = register(vakhtang(true)).household().addMigrants(List.of(brother), COLLECTED).household();
        String vakhtang = household.migrants().get(0).migrantId();

        HouseholdChange erasure = household.eraseMigrant(vakhtang, LATER);

        assertThat(erasure.events()).hasExactlyElementsOfTypes(MigrantErased.class, ErasureRecorded.class,
                HouseholdUpdated.class);
        assertThat(((MigrantErased) erasure.events().get(0)).householdErased()).isFalse();
        Household after = erasure.household();
        assertThat(after.migrants()).extracting(Migrant::nameLatin).containsExactly("Levan Beridze");
        assertThat(after.addMigrants(List.of(vakhtang(true)), LATER).events()).as("an old file brings no one back").isEmpty();
        // A later change of the household still counts him, without anything that names him.
        HouseholdStatisticsRecorded statistics = (HouseholdStatisticsRecorded) after
            .changeConsent(brother.migrantId(), ConsentPurpose.STATISTICS, false, "officer", null, LATER).events().get(1);
        assertThat(statistics.migrants()).singleElement().extracting(HouseholdStatisticsRecorded.MigrantProfile::destinationCountry)
            .isEqualTo("GR");
    }

    @Test
    void erasingTheLastMigrantErasesTheFamilysDataToo() {
        Household household = register(vakhtang(false)).household();

        HouseholdChange erasure = household.eraseMigrant(household.migrants().get(0).migrantId(), LATER);

        assertThat(erasure.events()).hasExactlyElementsOfTypes(MigrantErased.class, ErasureRecorded.class);
        assertThat(((MigrantErased) erasure.events().get(0)).householdErased()).isTrue();
        assertThat(((ErasureRecorded) erasure.events().get(1)).householdErased()).as("the ledger's entry").isTrue();
        Household after = erasure.household();
        assertThat(after.vacated()).isTrue();
        assertThat(after.informants()).isEmpty();
        assertThat(after.locality()).isNull();
        assertThat(after.provenance().informantName()).isNull();
        assertThat(after.erased()).singleElement().extracting(ErasedMigrant::anonymousProfile)
            .as("no consent to statistics, no profile").isNull();
    }

    @Test
    void aMergeKeepsEveryContactNarrowsConsentAndCanBeRepeated() {
        Household household = register(vakhtang(true)).household();
        String survivor = household.migrants().get(0).migrantId();
        Migrant duplicate = new Migrant("9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b", null, null, "Vakhtang Beridze", Sex.MALE,
                1988, "GR", null, null, LifecycleStage.ABROAD, null, List.of("+306912345678", "+306977000111"),
                "v.beridze@example.org", new Consent(true, false, true), List.of("WhatsApp +306977000111"), null, List.of(),
                null, null);
        List<Informant> orphaned = List.of(new Informant("ნინო ბერიძე", "mother", "+995599123456"),
                new Informant("ეკა", "wife", "+995599000111"));

        HouseholdChange merged = household.absorbDuplicate(survivor, duplicate, orphaned, "officer", "same person", LATER);

        Migrant after = merged.household().migrants().get(0);
        assertThat(after.phones()).containsExactly("+306912345678", "+306977000111");
        assertThat(after.email()).as("the survivor's own e-mail stays").isEqualTo("vakhtang.beridze@example.org");
        assertThat(after.consent()).isEqualTo(new Consent(true, false, true));
        assertThat(merged.household().informants()).extracting(Informant::relation).containsExactly("mother", "wife");
        assertThat(merged.household().absorbDuplicate(survivor, duplicate, orphaned, "officer", null, LATER).events())
            .as("repeating an interrupted merge changes nothing").isEmpty();
    }

    @Test
    void aFamilyMembersConsentIsTheirOwnAndCountsThemByRelationAndSexOnly() {
        Household household = register(vakhtang(true)).household();
        String mother = household.informants().get(0).familyMemberId();

        HouseholdChange withdrawn = household.changeFamilyMemberConsent(mother, ConsentPurpose.STATISTICS, false,
                "officer-kutaisi", "she asked", LATER);

        assertThat(withdrawn.events()).hasExactlyElementsOfTypes(HouseholdUpdated.class,
                HouseholdStatisticsRecorded.class);
        assertThat(((HouseholdStatisticsRecorded) withdrawn.events().get(1)).familyMembers()).isEmpty();
        assertThat(((HouseholdStatisticsRecorded) register(vakhtang(true)).events().get(1)).familyMembers())
            .containsExactly(new HouseholdStatisticsRecorded.FamilyMemberProfile(FamilyRelation.PARENT, Sex.FEMALE));
        assertThat(withdrawn.household().migrants().get(0).consent().statistics()).as("the migrant's stays").isTrue();
        assertThat(withdrawn.household().historyOf(mother)).singleElement()
            .satisfies(entry -> assertThat(entry.kind()).isEqualTo(MigrantHistoryEntry.Kind.CONSENT));
        assertThat(withdrawn.household().changeFamilyMemberConsent(mother, ConsentPurpose.STATISTICS, false,
                "officer-kutaisi", null, LATER).events()).as("withdrawn already").isEmpty();
    }

    @Test
    void anErasedFamilyMemberLeavesWithTheirHistoryAndTheInformantsNameAndIsInTheLedger() {
        Household household = register(vakhtang(true)).household();
        String mother = household.informants().get(0).familyMemberId();
        household = household.changeFamilyMemberConsent(mother, ConsentPurpose.HOTLINE, false, "officer", null, LATER)
            .household();

        HouseholdChange erased = household.eraseFamilyMember(mother, LATER);

        assertThat(erased.events()).hasExactlyElementsOfTypes(FamilyMemberErased.class, ErasureRecorded.class,
                HouseholdUpdated.class, HouseholdStatisticsRecorded.class);
        assertThat(((ErasureRecorded) erased.events().get(1)).personKind()).isEqualTo(PersonKind.FAMILY_MEMBER);
        assertThat(erased.household().informants()).isEmpty();
        assertThat(erased.household().historyOf(mother)).isEmpty();
        assertThat(erased.household().provenance().informantName()).as("it was her name").isNull();
        assertThat(erased.household().migrants()).hasSize(1);
        assertThat(((HouseholdUpdated) erased.events().get(2)).informants()).isEmpty();
    }

    private static HouseholdChange register(Migrant migrant) {
        return Household.register("7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b", "GE-IM-KUTAISI", "Kutaisi, Tsereteli St 12",
                List.of(new Informant("ნინო ბერიძე", "mother", "+995599123456", "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                        Sex.FEMALE, "ka", new Consent(true, true, true))), List.of(migrant),
                new Provenance("officer-kutaisi", "ნინო ბერიძე", LocalDate.parse("2026-11-20")), COLLECTED);
    }

    private static Migrant vakhtang(boolean statisticsConsent) {
        return new Migrant("0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", "ვახტანგ", "ბერიძე", "Vakhtang Beridze", Sex.MALE,
                1988, "GR", "Athens", 2015, LifecycleStage.ABROAD, "ka", List.of("+306912345678"),
                "vakhtang.beridze@example.org", new Consent(true, true, statisticsConsent), List.of(), "builder",
                List.of("tiling", "plastering"), "vocational", null);
    }
}
