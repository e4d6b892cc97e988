package org.diasporadesk.outreach.recipients.application;

import java.util.List;

import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.events.registry.Sex;

/**
 * A person who may receive outreach messages: a migrant abroad or a family member at home. Only people who consented
 * to outreach are held here at all. The profile fields (sex, birth year, stage, occupation, skills) are what
 * coordinators target segments by; a family member has their relation instead, and is targeted by what is known of
 * their household's migrants (where they live, their stage).
 *
 * @param migrantId          the person's id: a migrant's, or a family member's (one id space)
 * @param sequence           the registry household event this recipient was last taken from
 * @param kind               a migrant or a family member at home
 * @param relation           a family member's relation to the migrants; null for a migrant
 * @param migrantDestinations for a family member, the countries their household's migrants live in
 * @param migrantStages      for a family member, the lifecycle stages of their household's migrants
 */
public record Recipient(String migrantId, String householdId, long sequence, String municipalityCode, String name,
        String preferredLanguage, String destinationCountry, String destinationCity, List<String> phones,
        String email, Sex sex, Integer birthYear, LifecycleStage lifecycleStage, String occupation,
        List<String> skills, PersonKind kind, FamilyRelation relation, List<String> migrantDestinations,
        List<LifecycleStage> migrantStages) {

    public Recipient {
        phones = List.copyOf(phones);
        skills = List.copyOf(skills == null ? List.of() : skills);
        kind = PersonKind.orMigrant(kind);
        migrantDestinations = List.copyOf(migrantDestinations == null ? List.of() : migrantDestinations);
        migrantStages = List.copyOf(migrantStages == null ? List.of() : migrantStages);
    }

    /** A family member lives at home, in the office's own time zone. */
    public boolean atHome() {
        return kind == PersonKind.FAMILY_MEMBER;
    }
}
