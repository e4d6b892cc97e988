package org.diasporadesk.outreach.recipients.application;

import java.util.List;

/**
 * A migrant who may receive outreach messages: only people who consented to outreach are held here at all.
 *
 * @param sequence the registry household event this recipient was last taken from
 */
public record Recipient(String migrantId, String householdId, long sequence, String municipalityCode, String name,
        String preferredLanguage, String destinationCountry, String destinationCity, List<String> phones,
        String email) {

    public Recipient {
        phones = List.copyOf(phones);
    }
}
