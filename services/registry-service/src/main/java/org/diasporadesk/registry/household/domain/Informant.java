package org.diasporadesk.registry.household.domain;

/** A family member at home who reported the household's migrants. {@code phone} is E.164 or null. */
public record Informant(String name, String relation, String phone) {
}
