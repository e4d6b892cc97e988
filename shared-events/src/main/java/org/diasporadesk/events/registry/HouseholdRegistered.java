package org.diasporadesk.events.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A registry officer registered a household, the migrants its family reported and the family members at home. Personal data: published
 * only on {@link org.diasporadesk.events.Topic#REGISTRY_PEOPLE}, for hotline caller recognition and outreach.
 */
public record HouseholdRegistered(String householdId, String municipalityCode, String locality,
        List<Informant> informants, List<Migrant> migrants, Provenance provenance) implements HouseholdSnapshot {

    public HouseholdRegistered {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        informants = List.copyOf(Objects.requireNonNullElse(informants, List.of()));
        migrants = List.copyOf(Objects.requireNonNull(migrants, "migrants"));
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * A family member at home: the one who reported the migrants, or another the office records. Since 1.1 each
     * has an id, sex, language and consent of their own; older events carry none of them, and their consent reads
     * as not recorded (null).
     */
    public record Informant(String name, String relation, String phone, String familyMemberId, Sex sex,
            String preferredLanguage, Consent consent) {

        /** A family member as the first version of the contract had them. */
        public Informant(String name, String relation, String phone) {
            this(name, relation, phone, null, null, null, null);
        }
    }

    /**
     * A migrant as registered; phones are E.164. Occupation and skills were added later (additive change): older
     * events carry neither, and read as none.
     */
    public record Migrant(String migrantId, String givenName, String familyName, String nameLatin, Sex sex,
            Integer birthYear, String destinationCountry, String destinationCity, Integer departureYear,
            LifecycleStage lifecycleStage, String preferredLanguage, List<String> phones, String email,
            Consent consent, String occupation, List<String> skills) {

        public Migrant {
            Objects.requireNonNull(migrantId, "migrantId");
            phones = List.copyOf(Objects.requireNonNullElse(phones, List.of()));
            Objects.requireNonNull(consent, "consent");
            skills = List.copyOf(Objects.requireNonNullElse(skills, List.of()));
        }

        /** A migrant without occupation and skills, as the first version of the contract had them. */
        public Migrant(String migrantId, String givenName, String familyName, String nameLatin, Sex sex,
                Integer birthYear, String destinationCountry, String destinationCity, Integer departureYear,
                LifecycleStage lifecycleStage, String preferredLanguage, List<String> phones, String email,
                Consent consent) {
            this(migrantId, givenName, familyName, nameLatin, sex, birthYear, destinationCountry, destinationCity,
                    departureYear, lifecycleStage, preferredLanguage, phones, email, consent, null, List.of());
        }
    }

    /** Consent per purpose as given at registration. */
    public record Consent(boolean hotline, boolean outreach, boolean statistics) {
    }

    /** Who collected the record, from whom, and when. */
    public record Provenance(String collectedBy, String informantName, LocalDate collectedOn) {
    }
}
