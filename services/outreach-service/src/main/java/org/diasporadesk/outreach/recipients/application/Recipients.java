package org.diasporadesk.outreach.recipients.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Outreach's own projection of reachable migrants. */
public interface Recipients {

    /**
     * Replaces the household's recipients with these (the migrants who consent to outreach now), unless an
     * equal or newer version of the household was applied already. Recipients of the household who are not
     * among them (consent withdrawn, erased) are deleted.
     *
     * @return false if skipped as a redelivery
     */
    default boolean replaceHousehold(String householdId, long sequence, List<Recipient> recipients) {
        return replaceHouseholds(List.of(new HouseholdRecipients(householdId, sequence, recipients))).skipped()
            .isEmpty();
    }

    /**
     * {@link #replaceHousehold} for many households in as many store commands as for one: a poll of the registry's
     * topic, or a whole import's worth of households, costs a handful, not a handful each.
     *
     * @param households at most one entry per household
     */
    Replacement replaceHouseholds(List<HouseholdRecipients> households);

    /** A household's recipients as of the registry's {@code sequence} of it. */
    record HouseholdRecipients(String householdId, long sequence, List<Recipient> recipients) {
    }

    /**
     * @param skipped households applied already at an equal or newer version
     * @param left    migrants of a replaced household who were recipients and are not any more
     */
    record Replacement(Set<String> skipped, Set<String> left) {
    }

    Optional<Recipient> find(String migrantId);

    /** The recipients of these migrants that outreach holds, in one round trip. */
    List<Recipient> findAll(Collection<String> migrantIds);

    /** Deletes everything held about an erased migrant. */
    void erase(String migrantId);

    /** Recipients per preferred language among those the filter selects. */
    Map<String, Long> countByLanguage(RecipientFilter filter, int referenceYear);

    /** Hands every recipient the filter selects to {@code each}, streaming, so that a large segment never sits in memory. */
    void forEach(RecipientFilter filter, int referenceYear, Consumer<Recipient> each);

    /** The recipient with this phone (E.164) or e-mail address, if outreach holds one. */
    Optional<Recipient> findByAddress(String address);
}
