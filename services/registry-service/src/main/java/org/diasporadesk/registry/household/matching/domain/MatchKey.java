package org.diasporadesk.registry.household.matching.domain;

/**
 * A keyed hash of identifying attributes (a phone, or a folded name with a birth year): equal keys mean equal
 * attributes, and the key reveals neither. A shared key makes two records candidates; {@link MatchEvidence} then
 * says whether they are worth flagging.
 */
public record MatchKey(String value) {
}
