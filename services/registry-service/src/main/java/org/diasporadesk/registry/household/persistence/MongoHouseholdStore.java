package org.diasporadesk.registry.household.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.chassis.outbox.OutboxRelay;
import org.diasporadesk.registry.household.application.HouseholdStore;
import org.diasporadesk.registry.household.application.MigrantQuery;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.matching.domain.NameFolding;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoHouseholdStore implements HouseholdStore {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    MongoHouseholdStore(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }


    @Override
    public void insert(HouseholdChange change) {
        mongo.insert(newDocument(change));
        relay.hint(HouseholdDocument.COLLECTION, change.household().id());
    }

    @Override
    public void insertAll(List<HouseholdChange> changes) {
        if (!changes.isEmpty()) {
            mongo.insertAll(changes.stream().map(MongoHouseholdStore::newDocument).toList());
            // An import's households: behind the hints of registrations made at the desk meanwhile.
            changes.forEach(change -> relay.hintInBackground(HouseholdDocument.COLLECTION, change.household().id()));
        }
    }

    @Override
    public Map<String, Household> findAll(Collection<String> ids) {
        Map<String, Household> found = new HashMap<>();
        for (HouseholdDocument document : mongo.find(new Query(Criteria.where("_id").in(ids)), HouseholdDocument.class)) {
            found.put(document.id(), document.household());
        }
        return found;
    }

    private static HouseholdDocument newDocument(HouseholdChange change) {
        Household household = change.household();
        Outbox outbox = Outbox.empty().appendAll(change.events(), household.id(), household.municipalityCode(),
                household.registeredAt());
        return document(household, outbox, null);
    }

    @Override
    public List<Household> search(MigrantQuery query) {
        Criteria criteria = Criteria.where("municipalityCode").in(query.municipalities());
        if (!query.nameTokens().isEmpty()) {
            criteria = criteria.and("nameTokens").all(query.nameTokens());
        }
        if (query.phone() != null) {
            criteria = criteria.and("phones").is(query.phone());
        }
        if (query.destinationCountry() != null) {
            criteria = criteria.and("migrants.destinationCountry").is(query.destinationCountry());
        }
        if (query.lifecycleStage() != null) {
            criteria = criteria.and("migrants.lifecycleStage").is(query.lifecycleStage().name());
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "registeredAt")), HouseholdDocument.class)
            .stream()
            .map(HouseholdDocument::household)
            .toList();
    }

    private static HouseholdDocument document(Household household, Outbox outbox, Long version) {
        return new HouseholdDocument(household.id(), household.municipalityCode(), household.locality(),
                household.informants(), household.migrants(), household.provenance(), household.registeredAt(),
                nameTokens(household), phones(household), household.erased(), household.merged(), household.history(), outbox,
                version);
    }

    private static List<String> nameTokens(Household household) {
        Set<String> tokens = new TreeSet<>();
        for (Migrant migrant : household.migrants()) {
            tokens.addAll(NameFolding.tokens(migrant.givenName()));
            tokens.addAll(NameFolding.tokens(migrant.familyName()));
            tokens.addAll(NameFolding.tokens(migrant.nameLatin()));
        }
        return List.copyOf(tokens);
    }

    private static List<String> phones(Household household) {
        return household.migrants().stream().flatMap(migrant -> migrant.phones().stream()).distinct().toList();
    }

    /**
     * Replaces the document if it is still at the version the change was computed from, so that a concurrent
     * change makes this write fail ({@link OptimisticLockingFailureException}) instead of being lost. Pending
     * events already in the document stay ahead of the new ones.
     */
    @Override
    public void update(HouseholdChange change) {
        if (change.events().isEmpty()) {
            return;
        }
        Household household = change.household();
        HouseholdDocument current = mongo.findById(household.id(), HouseholdDocument.class);
        if (current == null) {
            throw new IllegalStateException("household " + household.id() + " does not exist");
        }
        if (!Objects.equals(current.version(), household.version())) {
            throw new OptimisticLockingFailureException("household " + household.id() + " changed meanwhile");
        }
        Outbox outbox = current.outbox().appendAll(change.events(), household.id(), household.municipalityCode(),
                Instant.now(clock));
        mongo.save(document(household, outbox, current.version()));
        relay.hint(HouseholdDocument.COLLECTION, household.id());
    }

    @Override
    public Optional<Household> find(String id) {
        return Optional.ofNullable(mongo.findById(id, HouseholdDocument.class)).map(HouseholdDocument::household);
    }
}
