package org.diasporadesk.registry.household.domain;

import java.util.List;

import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;

/**
 * A migrant who left the household. Names are kept as reported in the local script and in Latin letters;
 * phones are E.164.
 */
public record Migrant(String migrantId, String givenName, String familyName, String nameLatin, Sex sex,
        Integer birthYear, String destinationCountry, String destinationCity, Integer departureYear,
        LifecycleStage lifecycleStage, String preferredLanguage, List<String> phones, String email,
        Consent consent) {

    public Migrant {
        phones = List.copyOf(phones);
    }
}
