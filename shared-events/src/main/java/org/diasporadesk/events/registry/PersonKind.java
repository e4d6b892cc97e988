package org.diasporadesk.events.registry;

/**
 * Whom a person id names: a migrant abroad or a family member at home. Both kinds of ids are drawn from one
 * space, so an id alone never names two people; the kind tells a reader which record to look in.
 */
public enum PersonKind {
    MIGRANT,
    FAMILY_MEMBER;

    /** Events written before family members were people carry no kind: they named a migrant. */
    public static PersonKind orMigrant(PersonKind kind) {
        return kind == null ? MIGRANT : kind;
    }
}
