package org.diasporadesk.registry.household.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.registry.household.application.ErasureRequestStore;
import org.diasporadesk.registry.household.domain.ErasureRequest;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Requests by id; the supervisors' queue reads pending ones by municipality, the request form by migrant. */
@Repository
class MongoErasureRequests implements ErasureRequestStore, InitializingBean {

    static final String COLLECTION = "erasure_requests";

    private final MongoTemplate mongo;

    MongoErasureRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
            .on("municipalityCode", Sort.Direction.ASC).on("requestedAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("migrantId", Sort.Direction.ASC));
    }

    @Override
    public void save(ErasureRequest request) {
        mongo.save(request, COLLECTION);
    }

    @Override
    public Optional<ErasureRequest> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ErasureRequest.class, COLLECTION));
    }

    @Override
    public Optional<ErasureRequest> pendingFor(String migrantId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("migrantId").is(migrantId)
            .and("status").is(ErasureRequest.Status.PENDING)), ErasureRequest.class, COLLECTION));
    }

    @Override
    public List<ErasureRequest> pending(Collection<String> municipalities, int limit) {
        return mongo.find(new Query(Criteria.where("status").is(ErasureRequest.Status.PENDING)
            .and("municipalityCode").in(municipalities)).with(Sort.by("requestedAt")).limit(limit),
                ErasureRequest.class, COLLECTION);
    }
}
