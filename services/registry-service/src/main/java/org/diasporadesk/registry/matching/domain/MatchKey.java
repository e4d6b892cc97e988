package org.diasporadesk.registry.matching.domain;

/** A keyed hash of identifying attributes: equal keys mean equal attributes, and the key reveals neither. */
public record MatchKey(String value, MatchReason reason) {
}
