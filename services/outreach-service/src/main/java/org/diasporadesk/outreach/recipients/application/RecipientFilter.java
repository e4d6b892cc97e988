package org.diasporadesk.outreach.recipients.application;

import java.util.List;
import java.util.Set;

import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;

/**
 * Which recipients a segment means. Every list narrows the set when it is not empty (any of its values
 * matches); an empty list does not narrow. Occupation matches as a case-insensitive part of the recorded one;
 * skills match when the recipient has any of them. A family member at home matches destination countries and
 * lifecycle stages by their household's migrants.
 *
 * @param municipalityCodes the lowest-level units of the segment's area, resolved from the territory file
 * @param among             null, or only these people
 * @param audience          migrants, their families at home, or both
 * @param relations         family members of these relations only (when not empty)
 */
public record RecipientFilter(Set<String> municipalityCodes, Set<String> destinationCountries, Set<Sex> sexes,
        Set<AgeBand> ageBands, Set<LifecycleStage> lifecycleStages, Set<String> languages, String occupation,
        Set<String> skills, Among among, Audience audience, Set<FamilyRelation> relations) {

    /** Named people and everyone of named households; both empty: nobody. */
    public record Among(Set<String> migrantIds, Set<String> householdIds) {

        public Among {
            migrantIds = Set.copyOf(migrantIds);
            householdIds = Set.copyOf(householdIds);
        }
    }

    public RecipientFilter {
        municipalityCodes = Set.copyOf(municipalityCodes);
        destinationCountries = destinationCountries == null ? Set.of() : Set.copyOf(destinationCountries);
        sexes = sexes == null ? Set.of() : Set.copyOf(sexes);
        ageBands = ageBands == null ? Set.of() : Set.copyOf(ageBands);
        lifecycleStages = lifecycleStages == null ? Set.of() : Set.copyOf(lifecycleStages);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        occupation = occupation == null || occupation.isBlank() ? null : occupation.strip();
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        audience = Audience.orMigrants(audience);
        relations = relations == null ? Set.of() : Set.copyOf(relations);
    }

    public static RecipientFilter everyoneIn(List<String> municipalityCodes) {
        return new RecipientFilter(Set.copyOf(municipalityCodes), null, null, null, null, null, null, null, null,
                Audience.EVERYONE, null);
    }
}
