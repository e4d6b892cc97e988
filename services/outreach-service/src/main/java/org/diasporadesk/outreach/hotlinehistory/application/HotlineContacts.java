package org.diasporadesk.outreach.hotlinehistory.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.diasporadesk.outreach.recipients.application.RecipientFilter;

/** Outreach's copy of who called the hotline about what, keyed by ticket. */
public interface HotlineContacts {

    /** Keeps the contact; false if its ticket is held already (a redelivery). */
    boolean record(HotlineContact contact);

    /** The people with a contact on one of the topics (any, if empty) since {@code since}. */
    RecipientFilter.Among callers(Set<String> topics, Instant since);

    /** The migrant's contacts become the surviving record's, in its household. */
    void reattach(String migrantId, String survivingMigrantId, String survivingHouseholdId);

    /** Family members' contacts for a household become another household's. */
    void reattachHousehold(String householdId, String survivingHouseholdId);

    /** Deletes every contact of the migrant. */
    void forget(String migrantId);

    /** The migrant's contacts, for their export. */
    List<HotlineContact> of(String migrantId);

    /** Deletes every contact made before {@code time}; returns how many. */
    long forgetBefore(Instant time);
}
