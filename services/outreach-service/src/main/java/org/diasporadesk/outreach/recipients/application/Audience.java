package org.diasporadesk.outreach.recipients.application;

/**
 * Whom a segment reaches: migrants abroad, their families at home, or both. Segments saved before families could be
 * reached meant migrants, and still do.
 */
public enum Audience {
    MIGRANTS,
    FAMILIES,
    EVERYONE;

    public static Audience orMigrants(Audience audience) {
        return audience == null ? MIGRANTS : audience;
    }
}
