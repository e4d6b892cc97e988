package org.diasporadesk.outreach.segments.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.outreach.segments.application.Segment;
import org.diasporadesk.outreach.segments.application.Segments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Segments as documents of their own: a handful per office, read whole. */
@Repository
class MongoSegments implements Segments {

    static final String COLLECTION = "segments";

    private final MongoTemplate mongo;

    MongoSegments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(Segment segment) {
        mongo.insert(segment, COLLECTION);
    }

    @Override
    public Optional<Segment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Segment.class, COLLECTION));
    }

    @Override
    public List<Segment> inAreas(Collection<String> areaCodes) {
        return mongo.find(new Query(Criteria.where("area").in(areaCodes)).with(Sort.by(Sort.Order.desc("createdAt"))),
                Segment.class, COLLECTION);
    }
}
