package org.diasporadesk.registry.matching.domain;

/** Why two records may be the same migrant. */
public enum MatchReason {
    SAME_PHONE,
    SAME_NAME_AND_BIRTH_YEAR
}
