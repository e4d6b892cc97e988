package org.diasporadesk.registry.household.web;

import java.time.Instant;
import java.util.List;

import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.domain.Provenance;

/**
 * A household as officers read it over HTTP: what the family reported. Not the aggregate's bookkeeping (erased and
 * merged migrants' ids, history, version), which the aggregate keeps to write it atomically with the state.
 */
record HouseholdRepresentation(String id, String municipalityCode, String locality, List<Informant> informants,
        List<Migrant> migrants, Provenance provenance, Instant registeredAt) {

    static HouseholdRepresentation of(Household household) {
        return new HouseholdRepresentation(household.id(), household.municipalityCode(), household.locality(),
                household.informants(), household.migrants(), household.provenance(), household.registeredAt());
    }
}
