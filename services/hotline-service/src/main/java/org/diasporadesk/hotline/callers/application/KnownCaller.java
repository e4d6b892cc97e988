package org.diasporadesk.hotline.callers.application;

/**
 * Someone the registry knows at a phone number: a migrant, or a family member who informed on a household.
 *
 * @param relation for an informant, their relation to the migrants (mother, brother); null for a migrant
 */
public record KnownCaller(Kind kind, String name, String relation, String householdId, String migrantId,
        String municipalityCode) {

    public enum Kind {
        MIGRANT,
        INFORMANT
    }
}
