package org.diasporadesk.registry.household.application;

import java.util.List;

/**
 * In-process, after an erasure is stored: what the person could be recognised by, so that copies outside the
 * household (a rejected import row holding their number) can be found and removed. Never stored or published.
 *
 * @param names  the erased people's names as registered, in every script given
 * @param phones their numbers in E.164
 * @param emails their e-mail addresses
 */
public record PersonErased(String householdId, String migrantId, List<String> names, List<String> phones,
        List<String> emails) {
}
