package org.diasporadesk.hotline.callbacks.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.hotline.callbacks.application.Callbacks;
import org.diasporadesk.hotline.callbacks.domain.Callback;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoCallbacks implements Callbacks, InitializingBean {

    private static final String COLLECTION = "callbacks";

    private final MongoTemplate mongo;

    MongoCallbacks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("officeCode", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
    }

    @Override
    public void save(Callback callback) {
        mongo.save(callback, COLLECTION);
    }

    @Override
    public Optional<Callback> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Callback.class, COLLECTION));
    }

    @Override
    public List<Callback> pendingBefore(Collection<String> offices, Instant until) {
        return mongo.find(new Query(Criteria.where("officeCode").in(offices).and("status")
            .is(Callback.Status.PENDING.name()).and("dueAt").lte(until)).with(Sort.by("dueAt")), Callback.class,
                COLLECTION);
    }
}
