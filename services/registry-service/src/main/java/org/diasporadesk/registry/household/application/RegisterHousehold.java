package org.diasporadesk.registry.household.application;

import java.util.List;

import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.registry.household.domain.Consent;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Provenance;
import org.diasporadesk.registry.household.domain.Verification;

/** What a registry officer submits; phones as typed, in any national or international format. */
public record RegisterHousehold(String municipalityCode, String locality, List<Informant> informants,
        List<NewMigrant> migrants, Provenance provenance) {

    public RegisterHousehold {
        informants = informants == null ? List.of() : List.copyOf(informants);
        migrants = List.copyOf(migrants);
    }

    public record NewMigrant(String givenName, String familyName, String nameLatin, Sex sex, Integer birthYear,
            String destinationCountry, String destinationCity, Integer departureYear, LifecycleStage lifecycleStage,
            String preferredLanguage, List<String> phones, String email, Consent consent, List<String> messengers,
            String occupation, List<String> skills, String education, Verification verification) {

        public NewMigrant {
            phones = phones == null ? List.of() : List.copyOf(phones);
            messengers = messengers == null ? List.of() : List.copyOf(messengers);
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }
}
