package org.diasporadesk.hotline.callers.application;

import java.util.List;

/**
 * Someone the registry knows at a phone number: a migrant, or a family member at home.
 *
 * @param relation       for a family member, their relation to the migrants (mother, brother); null for a migrant
 * @param timeZone       the IANA zone the caller lives in (a migrant's destination, a family's home), or null if
 *                       it cannot be told from the registry's data
 * @param familyMemberId a family member's own id (null for a migrant, and for families the registry published
 *                       before they had ids)
 * @param migrants       for a family member, the household's migrants the agent may be asked about, by name and
 *                       where they live
 */
public record KnownCaller(Kind kind, String name, String relation, String householdId, String migrantId,
        String municipalityCode, String timeZone, String familyMemberId, List<String> migrants) {

    public KnownCaller {
        migrants = migrants == null ? List.of() : List.copyOf(migrants);
    }

    /** The id the registry knows the person by: a migrant's or a family member's. */
    public String personId() {
        return migrantId != null ? migrantId : familyMemberId;
    }

    public enum Kind {
        MIGRANT,
        INFORMANT
    }
}
