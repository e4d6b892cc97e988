package org.diasporadesk.registry.household.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.registry.household.domain.Informant;

/**
 * A family member's details: to record another one (with the consent they gave; without it none is recorded) or to
 * correct one (a field left out is cleared; consent changes through its own resource, one purpose at a time).
 *
 * @param note why or on whose word, kept in the family member's history
 */
record FamilyMemberRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String relation,
        @Size(max = 40) String phone, Sex sex, @Size(max = 35) String preferredLanguage,
        @Valid RegisterHouseholdRequest.ConsentRequest consent, @Size(max = 500) String note) {

    Informant details() {
        return new Informant(name, relation, phone, null, sex, preferredLanguage,
                consent == null ? null : consent.toConsent());
    }
}
