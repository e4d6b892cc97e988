package org.diasporadesk.events.registry;

import java.util.List;
import java.util.Objects;

/**
 * A registered household changed (a migrant was added, for example by a later row of a bulk import); the
 * payload is the whole household after the change, in the same shape as {@link HouseholdRegistered}.
 * Personal data: published only on {@link org.diasporadesk.events.Topic#REGISTRY_PEOPLE}.
 */
public record HouseholdUpdated(String householdId, String municipalityCode, String locality,
        List<HouseholdRegistered.Informant> informants, List<HouseholdRegistered.Migrant> migrants,
        HouseholdRegistered.Provenance provenance) implements HouseholdSnapshot {

    public HouseholdUpdated {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        informants = List.copyOf(Objects.requireNonNullElse(informants, List.of()));
        migrants = List.copyOf(Objects.requireNonNull(migrants, "migrants"));
        Objects.requireNonNull(provenance, "provenance");
    }
}
