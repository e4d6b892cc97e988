package org.diasporadesk.hotline.callers.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hotline's own projection of registry contacts, keyed by E.164 phone number. */
public interface CallerDirectory {

    /**
     * Replaces what the directory holds for a household with its callers by phone, unless an equal or newer
     * version of the household was applied already.
     *
     * @return false if skipped as a redelivery
     */
    default boolean replaceHousehold(String householdId, long sequence, Map<String, List<KnownCaller>> callersByPhone) {
        return replaceHouseholds(List.of(new HouseholdCallers(householdId, sequence, callersByPhone))).isEmpty();
    }

    /**
     * Replaces what the directory holds for each household, in as many store commands as for one: a poll of the
     * registry's topic, or a whole import's worth of households, costs a handful, not a handful each.
     *
     * @param households at most one entry per household
     * @return the households skipped because an equal or newer version was applied already
     */
    Set<String> replaceHouseholds(List<HouseholdCallers> households);

    /** A household's callers by phone number (E.164), as of the registry's {@code sequence} of it. */
    record HouseholdCallers(String householdId, long sequence, Map<String, List<KnownCaller>> callersByPhone) {
    }

    /**
     * Deletes everything held about an erased person (a migrant or a family member). The household's remaining
     * callers stay; they are replaced by the household snapshot that follows the erasure.
     */
    void erasePerson(String householdId, String personId);

    /**
     * Deletes everything held about a household whose people were erased, keeping the version applied, so a
     * household back from a backup is forgotten again without refusing the registry's later snapshots.
     */
    void eraseHousehold(String householdId);

    List<KnownCaller> callersAt(String e164);

    /** Per number, how the directory knows this migrant there (the person's own entries only). */
    Map<String, KnownCaller> entriesOf(String householdId, String migrantId);

    /**
     * The numbers at which the directory knows a migrant (with {@code wholeHousehold}, anyone of the household): the
     * numbers whose calls and tickets an erasure reaches even where they were never linked to the record.
     */
    List<String> phonesOf(String householdId, String migrantId, boolean wholeHousehold);
}
