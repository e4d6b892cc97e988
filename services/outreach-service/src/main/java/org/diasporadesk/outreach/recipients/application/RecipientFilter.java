package org.diasporadesk.outreach.recipients.application;

import java.util.List;
import java.util.Set;

import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;

/**
 * Which recipients a segment means. Every list narrows the set when it is not empty (any of its values
 * matches); an empty list does not narrow. Occupation matches as a case-insensitive part of the recorded one;
 * skills match when the recipient has any of them.
 *
 * @param municipalityCodes the lowest-level units of the segment's area, resolved from the territory file
 * @param among             null, or only these people
 */
public record RecipientFilter(Set<String> municipalityCodes, Set<String> destinationCountries, Set<Sex> sexes,
        Set<AgeBand> ageBands, Set<LifecycleStage> lifecycleStages, Set<String> languages, String occupation,
        Set<String> skills, Among among) {

    /** Named migrants and every migrant of named households; both empty: nobody. */
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
    }

    public static RecipientFilter everyoneIn(List<String> municipalityCodes) {
        return new RecipientFilter(Set.copyOf(municipalityCodes), null, null, null, null, null, null, null, null);
    }
}
