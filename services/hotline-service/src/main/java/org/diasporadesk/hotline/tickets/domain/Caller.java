package org.diasporadesk.hotline.tickets.domain;

/**
 * Who called. {@code phone} is E.164; {@code migrantId} and {@code householdId} link a caller the registry
 * knows (null for an unknown or unconfirmed caller); {@code timeZone} is where they live, for callbacks.
 * Everything but the kind is personal data and is removed when the registry erases the person
 * ({@link #anonymous()}).
 */
public record Caller(Kind kind, String phone, String name, String migrantId, String householdId, String timeZone) {

    public enum Kind {
        MIGRANT_ABROAD, FAMILY_MEMBER, OTHER
    }

    public Caller anonymous() {
        return new Caller(kind, null, null, null, null, null);
    }
}
