package org.diasporadesk.registry.household.domain;

import java.util.Objects;

import org.diasporadesk.events.registry.Sex;

/**
 * A family member at home: the one who reported the household's migrants, or another the office records. They are
 * people the office serves too (the hotline, trainings for families), so each has an id from the same space as
 * migrants' ids, a language and consent of their own. {@code phone} is E.164 or null; {@code sex} null when not
 * recorded.
 */
public record Informant(String name, String relation, String phone, String familyMemberId, Sex sex,
        String preferredLanguage, Consent consent) {

    public Informant {
        consent = Objects.requireNonNullElse(consent, Consent.NONE);
    }

    /** A family member as a file or an older record names them: no id yet, no consent recorded. */
    public Informant(String name, String relation, String phone) {
        this(name, relation, phone, null, null, null, null);
    }

    public Informant withId(String id) {
        return new Informant(name, relation, phone, id, sex, preferredLanguage, consent);
    }

    public Informant withConsent(Consent changed) {
        return new Informant(name, relation, phone, familyMemberId, sex, preferredLanguage, changed);
    }

    /** This family member with another's details: everything but the id and consent. */
    public Informant withDetailsOf(Informant corrected) {
        return new Informant(corrected.name, corrected.relation, corrected.phone, familyMemberId, corrected.sex,
                corrected.preferredLanguage, consent);
    }
}
