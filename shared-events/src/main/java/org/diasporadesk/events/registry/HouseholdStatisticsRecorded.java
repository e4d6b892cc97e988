package org.diasporadesk.events.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The statistical profile of a household as it now stands: a snapshot, so a consumer replaces what it held
 * for the household (the subject) instead of adding to it, which keeps counts exact under redelivery and
 * lets a changed destination move a migrant between cells.
 *
 * <p>PII-free: no names, contacts, ids of persons or exact ages. Only migrants who consented to statistics
 * appear, and so do family members at home who did, by relation and sex only. Published on
 * {@link org.diasporadesk.events.Topic#REGISTRY_STATISTICS}.
 */
public record HouseholdStatisticsRecorded(String municipalityCode, LocalDate recordedOn,
        List<MigrantProfile> migrants, List<FamilyMemberProfile> familyMembers) implements RegistryEvent {

    public HouseholdStatisticsRecorded {
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(recordedOn, "recordedOn");
        migrants = List.copyOf(Objects.requireNonNull(migrants, "migrants"));
        familyMembers = List.copyOf(Objects.requireNonNullElse(familyMembers, List.of()));
    }

    /** A profile of migrants only, as the first version of the contract had it. */
    public HouseholdStatisticsRecorded(String municipalityCode, LocalDate recordedOn, List<MigrantProfile> migrants) {
        this(municipalityCode, recordedOn, migrants, List.of());
    }

    /** A family member at home who consented to statistics: relation and sex, nothing else. */
    public record FamilyMemberProfile(FamilyRelation relation, Sex sex) {

        public FamilyMemberProfile {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(sex, "sex");
        }
    }

    public record MigrantProfile(Sex sex, AgeBand ageBand, String destinationCountry,
            LifecycleStage lifecycleStage) {

        public MigrantProfile {
            Objects.requireNonNull(sex, "sex");
            Objects.requireNonNull(ageBand, "ageBand");
            Objects.requireNonNull(lifecycleStage, "lifecycleStage");
        }
    }
}
