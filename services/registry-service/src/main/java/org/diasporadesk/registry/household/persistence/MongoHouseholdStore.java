package org.diasporadesk.registry.household.persistence;

import java.util.Optional;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.events.registry.RegistryEvent;
import org.diasporadesk.registry.household.application.HouseholdStore;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

@Repository
class MongoHouseholdStore implements HouseholdStore {

    private final MongoTemplate mongo;

    MongoHouseholdStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(HouseholdChange change) {
        Household household = change.household();
        Outbox outbox = Outbox.empty();
        for (RegistryEvent event : change.events()) {
            outbox = outbox.append(event, household.id(), household.municipalityCode(), household.registeredAt());
        }
        mongo.insert(new HouseholdDocument(household.id(), household.municipalityCode(), household.locality(),
                household.informants(), household.migrants(), household.provenance(), household.registeredAt(), outbox,
                null));
    }

    @Override
    public Optional<Household> find(String id) {
        return Optional.ofNullable(mongo.findById(id, HouseholdDocument.class)).map(HouseholdDocument::household);
    }
}
