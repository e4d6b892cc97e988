package org.diasporadesk.registry.household.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.registry.household.application.RegisterHousehold;
import org.diasporadesk.registry.household.domain.Consent;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Provenance;
import org.diasporadesk.registry.household.domain.Verification;

/** POST /households body. Format rules are checked here; rules needing reference data in the use case. */
record RegisterHouseholdRequest(@NotBlank String municipalityCode, @Size(max = 300) String locality,
        @Size(max = 20) List<@Valid InformantRequest> informants,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull MigrantRequest> migrants, @Valid ProvenanceRequest provenance) {

    /**
     * A family member at home: the informant, or another the office records. Consent is their own, asked of them;
     * without it none is recorded.
     */
    record InformantRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String relation,
            @Size(max = 40) String phone, Sex sex, @Size(max = 35) String preferredLanguage,
            @Valid ConsentRequest consent) {

        Informant toInformant() {
            return new Informant(name, relation, phone, null, sex, preferredLanguage,
                    consent == null ? null : consent.toConsent());
        }
    }

    record MigrantRequest(@Size(max = 100) String givenName, @Size(max = 100) String familyName,
            @Size(max = 200) String nameLatin, @NotNull Sex sex, Integer birthYear, @Size(max = 2) String destinationCountry,
            @Size(max = 100) String destinationCity, Integer departureYear, @NotNull LifecycleStage lifecycleStage,
            @Size(max = 35) String preferredLanguage, @Size(max = 10) List<@NotBlank @Size(max = 40) String> phones,
            @Email @Size(max = 200) String email, @NotNull @Valid ConsentRequest consent,
            @Size(max = 5) List<@NotBlank @Size(max = 100) String> messengers, @Size(max = 200) String occupation,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> skills, @Size(max = 200) String education,
            @Valid VerificationRequest verification) {
    }

    /** Whether the record was confirmed, and when the migrant was last actually reached. */
    record VerificationRequest(@NotNull Verification.Status status, LocalDate lastConfirmedContact) {

        Verification toVerification() {
            return new Verification(status, lastConfirmedContact);
        }
    }

    record ConsentRequest(boolean hotline, boolean outreach, boolean statistics) {

        Consent toConsent() {
            return new Consent(hotline, outreach, statistics);
        }
    }

    record ProvenanceRequest(@Size(max = 200) String informantName, LocalDate collectedOn) {
    }

    /** The collector is the authenticated officer, never a value the client claims. */
    RegisterHousehold toCommand(String collectedBy) {
        return new RegisterHousehold(municipalityCode, locality,
                informants == null ? List.of()
                        : informants.stream().map(InformantRequest::toInformant).toList(),
                migrants.stream()
                    .map(m -> new RegisterHousehold.NewMigrant(m.givenName(), m.familyName(), m.nameLatin(), m.sex(),
                            m.birthYear(), m.destinationCountry(), m.destinationCity(), m.departureYear(),
                            m.lifecycleStage(), m.preferredLanguage(), m.phones(), m.email(),
                            m.consent().toConsent(),
                            m.messengers(), m.occupation(), m.skills(), m.education(),
                            m.verification() == null ? null : m.verification().toVerification()))
                    .toList(),
                new Provenance(collectedBy, provenance == null ? null : provenance.informantName(),
                        provenance == null ? null : provenance.collectedOn()));
    }
}
