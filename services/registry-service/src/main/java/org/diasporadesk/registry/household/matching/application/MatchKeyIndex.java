package org.diasporadesk.registry.household.matching.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Which migrants hold which match keys; lookups are by key only. */
public interface MatchKeyIndex {

    record Holder(String migrantId, String householdId, String municipalityCode) {
    }

    void add(Collection<String> keys, Holder holder);

    /** Adds many holders in one round trip. */
    void addAll(Map<String, List<Holder>> holdersByKey);

    /** Takes the migrant off the keys (their record changed or was erased). */
    void remove(Collection<String> keys, String migrantId);

    /** Per key found, the migrants holding it. */
    Map<String, List<Holder>> holders(Collection<String> keys);
}
