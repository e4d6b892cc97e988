package org.diasporadesk.registry.household.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.registry.household.application.RegisterHousehold;

/**
 * PUT /households/{householdId}/migrants/{migrantId} body: the migrant's details as they now are (a field left
 * out is cleared). Consent is changed through its own resource, one purpose at a time.
 *
 * @param note why or on whose word, kept in the migrant's history
 */
record CorrectMigrantRequest(@Size(max = 100) String givenName, @Size(max = 100) String familyName,
        @Size(max = 200) String nameLatin, @NotNull Sex sex, Integer birthYear, @Size(max = 2) String destinationCountry,
        @Size(max = 100) String destinationCity, Integer departureYear, @NotNull LifecycleStage lifecycleStage,
        @Size(max = 35) String preferredLanguage, @Size(max = 10) List<@NotBlank @Size(max = 40) String> phones,
        @Email @Size(max = 200) String email, @Size(max = 5) List<@NotBlank @Size(max = 100) String> messengers,
        @Size(max = 200) String occupation, @Size(max = 20) List<@NotBlank @Size(max = 100) String> skills,
        @Size(max = 200) String education, @Valid RegisterHouseholdRequest.VerificationRequest verification,
        @Size(max = 500) String note) {

    RegisterHousehold.NewMigrant details() {
        return new RegisterHousehold.NewMigrant(givenName, familyName, nameLatin, sex, birthYear, destinationCountry,
                destinationCity, departureYear, lifecycleStage, preferredLanguage, phones, email, null, messengers,
                occupation, skills, education, verification == null ? null : verification.toVerification());
    }
}
