package org.diasporadesk.registry.household.domain;

import java.util.List;

import org.diasporadesk.events.registry.RegistryEvent;

/**
 * A household's new state together with the events the change caused, oldest first: one value, so the
 * persistence layer writes both in one atomic document write.
 */
public record HouseholdChange(Household household, List<RegistryEvent> events) {

    public HouseholdChange {
        events = List.copyOf(events);
    }
}
