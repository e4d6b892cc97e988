package org.diasporadesk.outreach.recipients.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;
import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientFilter;
import org.diasporadesk.outreach.recipients.application.Recipients;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Recipient documents keyed by person id (a migrant's or a family member's), and per household the sequence applied and the recipients it
 * holds, so that replacing a household deletes by primary key. The household is marked applied last: a crash in between is repaired by
 * the redelivery. Skills are also kept lower-cased, so that a segment matches them whatever the spelling's case.
 */
@Repository
class MongoRecipients implements Recipients, InitializingBean {

    static final String COLLECTION = "recipients";
    static final String HOUSEHOLDS = "recipient_households";

    private final MongoTemplate mongo;

    MongoRecipients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // Segments filter by area first; replies are matched by address.
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("municipalityCode", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("phones", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("email", Sort.Direction.ASC));
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record RecipientDocument(@Id String migrantId, String householdId, long sequence, String municipalityCode,
            String name, String preferredLanguage, String destinationCountry, String destinationCity,
            List<String> phones, String email, Sex sex, Integer birthYear, LifecycleStage lifecycleStage,
            String occupation, List<String> skills, List<String> skillKeys, PersonKind kind, FamilyRelation relation,
            List<String> migrantDestinations, List<LifecycleStage> migrantStages) {

        static RecipientDocument of(Recipient r) {
            return new RecipientDocument(r.migrantId(), r.householdId(), r.sequence(), r.municipalityCode(), r.name(),
                    r.preferredLanguage(), r.destinationCountry(), r.destinationCity(), r.phones(),
                    r.email() == null ? null : r.email().toLowerCase(Locale.ROOT), r.sex(), r.birthYear(),
                    r.lifecycleStage(), r.occupation(), r.skills(), r.skills().stream().map(MongoRecipients::key).toList(),
                    r.kind(), r.relation(), r.migrantDestinations(), r.migrantStages());
        }

        Recipient recipient() {
            return new Recipient(migrantId, householdId, sequence, municipalityCode, name, preferredLanguage,
                    destinationCountry, destinationCity, phones == null ? List.of() : phones, email, sex, birthYear,
                    lifecycleStage, occupation, skills, kind, relation, migrantDestinations, migrantStages);
        }
    }

    @org.springframework.data.mongodb.core.mapping.Document(HOUSEHOLDS)
    record AppliedHousehold(@Id String householdId, long sequence, List<String> migrantIds) {
    }

    /**
     * After one read of the households' applied versions: one bulk write of the recipients, one delete of those who
     * left, one bulk write marking the households applied, whatever their number.
     */
    @Override
    public Replacement replaceHouseholds(List<HouseholdRecipients> households) {
        if (households.isEmpty()) {
            return new Replacement(Set.of(), Set.of());
        }
        Map<String, HouseholdRecipients> byId = new LinkedHashMap<>();
        households.forEach(household -> byId.put(household.householdId(), household));
        Map<String, AppliedHousehold> applied = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(byId.keySet())), AppliedHousehold.class)
            .forEach(household -> applied.put(household.householdId(), household));
        Set<String> skipped = new LinkedHashSet<>();
        Set<String> left = new LinkedHashSet<>();
        List<HouseholdRecipients> replaced = new ArrayList<>();
        for (HouseholdRecipients household : byId.values()) {
            AppliedHousehold before = applied.get(household.householdId());
            if (before != null && before.sequence() >= household.sequence()) {
                skipped.add(household.householdId());
                continue;
            }
            replaced.add(household);
            if (before != null) {
                Set<String> kept = household.recipients().stream().map(Recipient::migrantId).collect(Collectors.toSet());
                before.migrantIds().stream().filter(id -> !kept.contains(id)).forEach(left::add);
            }
        }
        if (replaced.isEmpty()) {
            return new Replacement(skipped, Set.of());
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RecipientDocument.class);
        replaced.forEach(household -> household.recipients().forEach(recipient -> writes.replaceOne(
                new Query(Criteria.where("_id").is(recipient.migrantId())), RecipientDocument.of(recipient),
                FindAndReplaceOptions.options().upsert())));
        if (replaced.stream().anyMatch(household -> !household.recipients().isEmpty())) {
            writes.execute();
        }
        if (!left.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(left)), COLLECTION);
        }
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AppliedHousehold.class);
        replaced.forEach(household -> marks.replaceOne(new Query(Criteria.where("_id").is(household.householdId())),
                new AppliedHousehold(household.householdId(), household.sequence(),
                        household.recipients().stream().map(Recipient::migrantId).toList()),
                FindAndReplaceOptions.options().upsert()));
        marks.execute();
        return new Replacement(skipped, left);
    }

    @Override
    public Optional<Recipient> find(String migrantId) {
        return Optional.ofNullable(mongo.findById(migrantId, RecipientDocument.class))
            .map(RecipientDocument::recipient);
    }

    @Override
    public List<Recipient> findAll(Collection<String> migrantIds) {
        return migrantIds.isEmpty() ? List.of() : mongo.find(new Query(Criteria.where("_id").in(migrantIds)),
                RecipientDocument.class).stream().map(RecipientDocument::recipient).toList();
    }

    @Override
    public Optional<Recipient> findByAddress(String address) {
        Criteria byAddress = address.contains("@") ? Criteria.where("email").is(address.toLowerCase(Locale.ROOT))
                : Criteria.where("phones").is(address);
        return Optional.ofNullable(mongo.findOne(new Query(byAddress), RecipientDocument.class))
            .map(RecipientDocument::recipient);
    }

    @Override
    public void erase(String migrantId) {
        mongo.remove(new Query(Criteria.where("_id").is(migrantId)), COLLECTION);
    }

    @Override
    public Map<String, Long> countByLanguage(RecipientFilter filter, int referenceYear) {
        Aggregation perLanguage = Aggregation.newAggregation(
                Aggregation.match(criteria(filter, referenceYear)),
                Aggregation.group("preferredLanguage").count().as("recipients"));
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(perLanguage, COLLECTION, Document.class)) {
            String language = row.getString("_id");
            counts.put(language == null ? "unknown" : language, ((Number) row.get("recipients")).longValue());
        }
        return counts;
    }

    @Override
    public void forEach(RecipientFilter filter, int referenceYear, Consumer<Recipient> each) {
        try (var found = mongo.stream(new Query(criteria(filter, referenceYear)), RecipientDocument.class)) {
            found.forEach(document -> each.accept(document.recipient()));
        }
    }

    private static Criteria criteria(RecipientFilter filter, int referenceYear) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("municipalityCode").in(filter.municipalityCodes()));
        switch (filter.audience()) {
            // Recipients kept before families were reached have no kind: they are migrants.
            case MIGRANTS -> all.add(Criteria.where("kind").ne(PersonKind.FAMILY_MEMBER.name()));
            case FAMILIES -> all.add(Criteria.where("kind").is(PersonKind.FAMILY_MEMBER.name()));
            case EVERYONE -> { }
        }
        if (!filter.relations().isEmpty()) {
            all.add(Criteria.where("relation").in(filter.relations().stream().map(Enum::name).toList()));
        }
        if (!filter.destinationCountries().isEmpty()) {
            all.add(new Criteria().orOperator(Criteria.where("destinationCountry").in(filter.destinationCountries()),
                    Criteria.where("migrantDestinations").in(filter.destinationCountries())));
        }
        if (!filter.sexes().isEmpty()) {
            all.add(Criteria.where("sex").in(filter.sexes().stream().map(Enum::name).toList()));
        }
        if (!filter.lifecycleStages().isEmpty()) {
            List<String> stages = filter.lifecycleStages().stream().map(Enum::name).toList();
            all.add(new Criteria().orOperator(Criteria.where("lifecycleStage").in(stages),
                    Criteria.where("migrantStages").in(stages)));
        }
        if (!filter.languages().isEmpty()) {
            all.add(Criteria.where("preferredLanguage").in(filter.languages()));
        }
        if (filter.occupation() != null) {
            all.add(Criteria.where("occupation").regex(Pattern.quote(filter.occupation()), "i"));
        }
        if (!filter.skills().isEmpty()) {
            all.add(Criteria.where("skillKeys").in(filter.skills().stream().map(MongoRecipients::key).toList()));
        }
        if (filter.among() != null) {
            all.add(new Criteria().orOperator(Criteria.where("_id").in(filter.among().migrantIds()),
                    Criteria.where("householdId").in(filter.among().householdIds())));
        }
        if (!filter.ageBands().isEmpty()) {
            all.add(new Criteria().orOperator(filter.ageBands().stream()
                .map(band -> birthYears(band, referenceYear)).toList()));
        }
        return new Criteria().andOperator(all);
    }

    /** An age band as the birth years it spans in the reference year; UNKNOWN is a missing birth year. */
    private static Criteria birthYears(AgeBand band, int referenceYear) {
        if (band == AgeBand.UNKNOWN) {
            return Criteria.where("birthYear").is(null);
        }
        Criteria years = Criteria.where("birthYear").lte(referenceYear - band.fromAge());
        return band.toAge() == Integer.MAX_VALUE ? years : years.gte(referenceYear - band.toAge());
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
