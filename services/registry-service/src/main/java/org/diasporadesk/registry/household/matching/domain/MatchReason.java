package org.diasporadesk.registry.household.matching.domain;

/**
 * What two records have in common, or not, and how much it says about their being the same person. The
 * weights are points on one scale (roughly log-odds, as in Fellegi and Sunter's record linkage); a pair is flagged
 * at {@link MatchEvidence#THRESHOLD} points. A shared number is strong evidence alone unless the names disagree
 * (siblings abroad sometimes give one number); a shared common name needs a birth year and a destination with it.
 */
public enum MatchReason {
    /** A number of the one is a number of the other (E.164, so written in any format). */
    SAME_PHONE(8),
    /** The same words of the name, in any script and order, under any usual Latin spelling. */
    SAME_NAME(6),
    /** All words of the shorter name are in the longer one (a family name left out). */
    SIMILAR_NAME(3),
    SAME_BIRTH_YEAR(3),
    /** One year apart: families often misremember the year by one. */
    NEAR_BIRTH_YEAR(1),
    SAME_DESTINATION(2),
    /** Both reported by the same number at home: the same family, whichever relative spoke. */
    SAME_INFORMANT_PHONE(2),
    /** Both named, and the names share too little. */
    OTHER_NAME(-6),
    /** Birth years two or more apart. */
    BIRTH_YEARS_APART(-4),
    OTHER_DESTINATION(-2);

    private final int weight;

    MatchReason(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    /** Whether the reason speaks for the same person (shown as a reason) or against (shown as a doubt). */
    public boolean forMatch() {
        return weight > 0;
    }
}
