package org.diasporadesk.registry.household.domain;

/** What a migrant may or may not agree to, each on its own: being recognised by the hotline, outreach messages, statistics. */
public enum ConsentPurpose {
    HOTLINE, OUTREACH, STATISTICS
}
