package org.diasporadesk.registry.household.matching.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.diasporadesk.chassis.persistence.InsertNew;
import org.diasporadesk.registry.household.matching.application.DuplicateCandidates;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate.MergeProposal;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate.Record;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate.Status;
import org.diasporadesk.registry.household.matching.domain.MatchReason;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per pair, the pair's id as {@code _id}: a pair found again is a duplicate key, so recording never
 * overwrites a decision. The queue reads by municipality and status, highest score first.
 */
@Repository
class MongoDuplicateCandidates implements DuplicateCandidates, InitializingBean {

    static final String COLLECTION = "duplicate_candidates";

    private final MongoTemplate mongo;

    MongoDuplicateCandidates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The candidate as stored, with the two records' migrants and municipalities as arrays, so that one index
     * serves an office's queue and another the erasure of either person.
     */
    @Document(COLLECTION)
    record CandidateDocument(@Id String id, Record earlier, Record later, List<String> migrantIds,
            List<String> municipalities, int score, Set<MatchReason> reasons, String importJobId, Status status,
            Instant foundAt, String decidedBy, Instant decidedAt, String note, MergeProposal proposal) {

        static CandidateDocument of(DuplicateCandidate candidate) {
            return new CandidateDocument(candidate.id(), candidate.earlier(), candidate.later(),
                    candidate.migrantIds(), candidate.municipalities(), candidate.score(), candidate.reasons(),
                    candidate.importJobId(), candidate.status(), candidate.foundAt(), candidate.decidedBy(),
                    candidate.decidedAt(), candidate.note(), candidate.proposal());
        }

        DuplicateCandidate candidate() {
            return new DuplicateCandidate(id, earlier, later, score, reasons, importJobId, status, foundAt, decidedBy,
                    decidedAt, note, proposal);
        }
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("municipalities", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC).on("score", Sort.Direction.DESC).on("foundAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("importJobId", Sort.Direction.ASC).sparse());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("migrantIds", Sort.Direction.ASC));
    }

    @Override
    public List<DuplicateCandidate> recordNew(List<DuplicateCandidate> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<org.bson.Document> documents = new ArrayList<>();
        for (DuplicateCandidate candidate : found) {
            org.bson.Document document = new org.bson.Document();
            mongo.getConverter().write(CandidateDocument.of(candidate), document);
            documents.add(document);
        }
        Set<Integer> known = InsertNew.insertNew(mongo.getCollection(COLLECTION), documents);
        List<DuplicateCandidate> recorded = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (!known.contains(i)) {
                recorded.add(found.get(i));
            }
        }
        return recorded;
    }

    @Override
    public Optional<DuplicateCandidate> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CandidateDocument.class)).map(CandidateDocument::candidate);
    }

    @Override
    public boolean decide(DuplicateCandidate decided, Status from) {
        Update update = new Update().set("status", decided.status()).set("decidedBy", decided.decidedBy())
            .set("decidedAt", decided.decidedAt()).set("note", decided.note()).set("proposal", decided.proposal());
        return mongo.updateFirst(new Query(Criteria.where("_id").is(decided.id()).and("status").is(from)),
                update, CandidateDocument.class).getModifiedCount() == 1;
    }

    @Override
    public void save(DuplicateCandidate decided) {
        mongo.save(CandidateDocument.of(decided));
    }

    @Override
    public Page page(Filter filter, int page, int size) {
        Criteria criteria = Criteria.where("municipalities").in(filter.municipalities());
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        if (filter.importJobId() != null) {
            criteria.and("importJobId").is(filter.importJobId());
        }
        if (filter.reason() != null) {
            criteria.and("reasons").is(filter.reason());
        }
        if (filter.minScore() != null) {
            criteria.and("score").gte(filter.minScore());
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, CandidateDocument.class);
        List<DuplicateCandidate> items = mongo.find(query.with(Sort.by(Sort.Order.desc("score"),
                Sort.Order.asc("foundAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size),
                CandidateDocument.class).stream().map(CandidateDocument::candidate).toList();
        return new Page(items, total);
    }

    @Override
    public void forget(String migrantId) {
        mongo.remove(new Query(Criteria.where("migrantIds").is(migrantId)), CandidateDocument.class);
    }

    @Override
    public void closeOpen(String migrantId, Instant at) {
        mongo.updateMulti(new Query(Criteria.where("migrantIds").is(migrantId).and("status")
                .in(Status.OPEN, Status.MERGE_PROPOSED)),
                new Update().set("status", Status.MERGED).set("decidedAt", at), CandidateDocument.class);
    }
}
