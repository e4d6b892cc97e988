package org.diasporadesk.outreach.recipients.application;

import java.util.List;

import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;

/**
 * A migrant who may receive outreach messages: only people who consented to outreach are held here at all. The
 * profile fields (sex, birth year, stage, occupation, skills) are what coordinators target segments by.
 *
 * @param sequence the registry household event this recipient was last taken from
 */
public record Recipient(String migrantId, String householdId, long sequence, String municipalityCode, String name,
        String preferredLanguage, String destinationCountry, String destinationCity, List<String> phones,
        String email, Sex sex, Integer birthYear, LifecycleStage lifecycleStage, String occupation,
        List<String> skills) {

    public Recipient {
        phones = List.copyOf(phones);
        skills = List.copyOf(skills == null ? List.of() : skills);
    }
}
