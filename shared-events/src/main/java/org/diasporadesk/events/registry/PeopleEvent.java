package org.diasporadesk.events.registry;

/**
 * The facts on the registry's personal-data topic, {@link org.diasporadesk.events.Topic#REGISTRY_PEOPLE}:
 * what the services that contact people (hotline, outreach) read. A consumer of the topic handles each.
 */
public sealed interface PeopleEvent extends RegistryEvent permits HouseholdSnapshot, MigrantErased, MigrantsMerged,
        FamilyMemberErased {

    /** The household the fact is about: the Kafka key and CloudEvents subject, so its facts stay in order. */
    String householdId();
}
