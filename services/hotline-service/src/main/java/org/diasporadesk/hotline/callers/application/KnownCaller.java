package org.diasporadesk.hotline.callers.application;

/**
 * Someone the registry knows at a phone number: a migrant, or a family member who informed on a household.
 *
 * @param relation for an informant, their relation to the migrants (mother, brother); null for a migrant
 * @param timeZone the IANA zone the caller lives in (a migrant's destination, an informant's home), or null if
 *                 it cannot be told from the registry's data
 */
public record KnownCaller(Kind kind, String name, String relation, String householdId, String migrantId,
        String municipalityCode, String timeZone) {

    public enum Kind {
        MIGRANT,
        INFORMANT
    }
}
