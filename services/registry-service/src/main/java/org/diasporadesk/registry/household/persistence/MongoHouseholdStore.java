package org.diasporadesk.registry.household.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.outbox.OutboxWriter.Change;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
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

    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final OutboxWriter writer;

    MongoHouseholdStore(MongoTemplate mongo, OutboxWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @Override
    public void insert(HouseholdChange change) {
        writer.insert(newDocument(change), Lane.PERSON);
    }

    @Override
    public void insertAll(List<HouseholdChange> changes) {
        // An import's households: behind the registrations made at the desk meanwhile.
        writer.insertAll(changes.stream().map(MongoHouseholdStore::newDocument).toList(), Lane.BULK);
    }

    @Override
    public Map<String, Household> findAll(Collection<String> ids) {
        Map<String, Household> found = new HashMap<>();
        for (HouseholdDocument document : mongo.find(new Query(Criteria.where("_id").in(ids)), HouseholdDocument.class)) {
            found.put(document.id(), document.household());
        }
        return found;
    }

    private static NewAggregate<HouseholdDocument> newDocument(HouseholdChange change) {
        Household household = change.household();
        return new NewAggregate<>(outbox -> document(household, outbox, null), household.id(),
                household.municipalityCode(), change.events(), household.registeredAt());
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
     * Writes the change if the document is still at the version the change was computed from, so that a concurrent
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
        if (!writer.update(new Change(document(household, null, null), VERSION, current.version(), current.outbox(),
                household.id(), household.municipalityCode(), change.events()), Lane.PERSON)) {
            throw new OptimisticLockingFailureException("household " + household.id() + " changed meanwhile");
        }
    }

    @Override
    public Optional<Household> find(String id) {
        return Optional.ofNullable(mongo.findById(id, HouseholdDocument.class)).map(HouseholdDocument::household);
    }
}
