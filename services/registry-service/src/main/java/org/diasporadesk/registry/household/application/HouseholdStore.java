package org.diasporadesk.registry.household.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;

/** Where households live; writing a change stores its state and its events in one atomic write. */
public interface HouseholdStore {

    void insert(HouseholdChange change);

    /** Inserts new households in one round trip; each with its events, as {@link #insert} does. */
    void insertAll(List<HouseholdChange> changes);

    /** Writes a change of an existing household; its events join the household's pending events in the same write. */
    void update(HouseholdChange change);

    Optional<Household> find(String id);

    /** The households that exist among the ids, by id. */
    Map<String, Household> findAll(Collection<String> ids);

    /** Households with at least one migrant that may match, newest first. */
    List<Household> search(MigrantQuery query);
}
