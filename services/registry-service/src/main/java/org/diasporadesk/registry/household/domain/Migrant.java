package org.diasporadesk.registry.household.domain;

import java.util.List;
import java.util.Objects;

import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;

/**
 * A migrant who left the household. Names are kept as reported in the local script and in Latin letters;
 * phones are E.164; messengers are handles as given ({@code WhatsApp +30 691 234 5678}, {@code Telegram @vakho}).
 * Occupation, skills and education are what outreach trainings and returnee programmes are planned from.
 */
public record Migrant(String migrantId, String givenName, String familyName, String nameLatin, Sex sex,
        Integer birthYear, String destinationCountry, String destinationCity, Integer departureYear,
        LifecycleStage lifecycleStage, String preferredLanguage, List<String> phones, String email,
        Consent consent, List<String> messengers, String occupation, List<String> skills, String education,
        Verification verification) {

    public Migrant {
        phones = List.copyOf(phones);
        messengers = List.copyOf(Objects.requireNonNullElse(messengers, List.of()));
        skills = List.copyOf(Objects.requireNonNullElse(skills, List.of()));
        verification = Objects.requireNonNullElse(verification, Verification.NONE);
    }

    /** This migrant with another's details: everything but the id and consent. */
    public Migrant withDetailsOf(Migrant corrected) {
        return new Migrant(migrantId, corrected.givenName, corrected.familyName, corrected.nameLatin, corrected.sex,
                corrected.birthYear, corrected.destinationCountry, corrected.destinationCity, corrected.departureYear,
                corrected.lifecycleStage, corrected.preferredLanguage, corrected.phones, corrected.email, consent,
                corrected.messengers, corrected.occupation, corrected.skills, corrected.education,
                corrected.verification);
    }

    public Migrant withConsent(Consent changed) {
        return new Migrant(migrantId, givenName, familyName, nameLatin, sex, birthYear, destinationCountry,
                destinationCity, departureYear, lifecycleStage, preferredLanguage, phones, email, changed, messengers,
                occupation, skills, education, verification);
    }

    public Migrant withContacts(List<String> allPhones, String anEmail, List<String> allMessengers, Consent changed) {
        return new Migrant(migrantId, givenName, familyName, nameLatin, sex, birthYear, destinationCountry,
                destinationCity, departureYear, lifecycleStage, preferredLanguage, allPhones, anEmail, changed,
                allMessengers, occupation, skills, education, verification);
    }
}
