package org.diasporadesk.events.registry;

import java.util.List;

/**
 * A personal-data fact that carries the whole household as it now stands. Consumers replace what they hold
 * for the household (the subject) when the event's sequence is newer, whichever of these facts it is.
 */
public sealed interface HouseholdSnapshot extends PeopleEvent permits HouseholdRegistered, HouseholdUpdated {

    String householdId();

    String municipalityCode();

    String locality();

    List<HouseholdRegistered.Informant> informants();

    List<HouseholdRegistered.Migrant> migrants();

    HouseholdRegistered.Provenance provenance();
}
