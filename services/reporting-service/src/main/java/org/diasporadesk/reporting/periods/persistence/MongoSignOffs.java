package org.diasporadesk.reporting.periods.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.diasporadesk.reporting.periods.application.ActivityTally;
import org.diasporadesk.reporting.periods.application.SignOff;
import org.diasporadesk.reporting.periods.application.SignOffs;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One document per area and period, keyed by both: the primary key, the one index every MongoDB server enforces,
 * is what makes a second sign-off of the same period fail, also when two planners sign at the same moment.
 */
@Repository
class MongoSignOffs implements SignOffs {

    private final MongoTemplate mongo;

    MongoSignOffs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(SignOffDocument.COLLECTION)
    record SignOffDocument(@Id String id, String area, String period, String signedBy, Instant signedAt,
            ActivityTally approved) {

        static final String COLLECTION = "sign_offs";

        static String idOf(String area, String period) {
            return area + "/" + period;
        }

        SignOff toSignOff() {
            return new SignOff(area, period, signedBy, signedAt, approved);
        }
    }

    @Override
    public Optional<SignOff> addUnlessSigned(SignOff signOff) {
        try {
            mongo.insert(new SignOffDocument(SignOffDocument.idOf(signOff.area(), signOff.period()), signOff.area(),
                    signOff.period(), signOff.signedBy(), signOff.signedAt(), signOff.approved()));
            return Optional.empty();
        }
        catch (DuplicateKeyException alreadySigned) {
            return find(signOff.area(), signOff.period());
        }
    }

    @Override
    public Optional<SignOff> find(String area, String period) {
        return Optional.ofNullable(mongo.findById(SignOffDocument.idOf(area, period), SignOffDocument.class))
            .map(SignOffDocument::toSignOff);
    }

    @Override
    public Map<String, SignOff> findAll(String area, Collection<String> periods) {
        Collection<String> ids = periods.stream().map(period -> SignOffDocument.idOf(area, period)).toList();
        return mongo.find(new Query(Criteria.where("_id").in(ids)), SignOffDocument.class).stream()
            .map(SignOffDocument::toSignOff)
            .collect(Collectors.toMap(SignOff::period, Function.identity()));
    }

    @Override
    public List<SignOff> findAll(Collection<String> areas, Collection<String> periods) {
        Collection<String> ids = areas.stream()
            .flatMap(area -> periods.stream().map(period -> SignOffDocument.idOf(area, period)))
            .toList();
        return mongo.find(new Query(Criteria.where("_id").in(ids)), SignOffDocument.class).stream()
            .map(SignOffDocument::toSignOff)
            .toList();
    }
}
