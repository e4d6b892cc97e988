package org.diasporadesk.registry.household.domain;

/** Consent per purpose, as the family or the migrant gave it. */
public record Consent(boolean hotline, boolean outreach, boolean statistics) {
}
