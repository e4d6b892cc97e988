package org.diasporadesk.events.registry;

import org.diasporadesk.events.EventPayload;

/** Facts the registry publishes. */
public sealed interface RegistryEvent extends EventPayload
        permits PeopleEvent, HouseholdStatisticsRecorded, ErasureRecorded {
}
