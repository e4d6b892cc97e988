package org.diasporadesk.registry.household.application;

import java.util.List;
import java.util.Optional;

import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;

/** Where households live; writing a change stores its state and its events in one atomic write. */
public interface HouseholdStore {

    void insert(HouseholdChange change);

    /** Writes a change of an existing household; its events join the household's pending events in the same write. */
    void update(HouseholdChange change);

    Optional<Household> find(String id);

    /** Households with at least one migrant that may match, newest first. */
    List<Household> search(MigrantQuery query);
}
