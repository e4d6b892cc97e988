package org.diasporadesk.outreach.segments.application;

import java.util.Collection;
import java.util.Set;

import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.outreach.hotlinehistory.application.HotlineCalls;
import org.diasporadesk.outreach.recipients.application.Audience;
import org.diasporadesk.outreach.recipients.application.RecipientFilter;

/**
 * What a segment selects within its area. The area itself is resolved to municipalities each time the segment
 * is used, so that a segment saved for a region follows the territory file; likewise the hotline callers, so that
 * "in the last 30 days" means the 30 days before each use. The audience is migrants unless it says families or
 * everyone; relations narrow the families.
 */
public record SegmentCriteria(Set<String> destinationCountries, Set<Sex> sexes, Set<AgeBand> ageBands,
        Set<LifecycleStage> lifecycleStages, Set<String> languages, String occupation, Set<String> skills,
        HotlineCalls calledHotline, Audience audience, Set<FamilyRelation> relations) {

    public SegmentCriteria {
        destinationCountries = destinationCountries == null ? Set.of() : Set.copyOf(destinationCountries);
        sexes = sexes == null ? Set.of() : Set.copyOf(sexes);
        ageBands = ageBands == null ? Set.of() : Set.copyOf(ageBands);
        lifecycleStages = lifecycleStages == null ? Set.of() : Set.copyOf(lifecycleStages);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        audience = Audience.orMigrants(audience);
        relations = relations == null ? Set.of() : Set.copyOf(relations);
    }

    public static SegmentCriteria everyone() {
        return new SegmentCriteria(null, null, null, null, null, null, null, null, null, null);
    }

    /** {@code callers}: the people {@link #calledHotline} selects now, or null when it is not set. */
    RecipientFilter within(Collection<String> municipalityCodes, RecipientFilter.Among callers) {
        return new RecipientFilter(Set.copyOf(municipalityCodes), destinationCountries, sexes, ageBands,
                lifecycleStages, languages, occupation, skills, callers, audience, relations);
    }
}
