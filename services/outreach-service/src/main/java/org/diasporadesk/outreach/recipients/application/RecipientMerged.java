package org.diasporadesk.outreach.recipients.application;

/**
 * In-process: the registry merged the record {@code migrantId} into {@code survivingMigrantId}. Published just
 * before the {@link RecipientLeft} that forgets the merged record, so that what concerns the person (their
 * hotline contacts) moves to the surviving record first. {@code householdEmptied}: the merged record was its
 * household's last migrant, and the household's informants now belong to the surviving household.
 */
public record RecipientMerged(String migrantId, String householdId, String survivingMigrantId,
        String survivingHouseholdId, boolean householdEmptied) {
}
