package org.diasporadesk.hotline.partners.persistence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.hotline.partners.application.Partner;
import org.diasporadesk.hotline.partners.application.Partners;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** A short list (tens of organisations): read whole and sorted here. */
@Repository
class MongoPartners implements Partners {

    private static final String COLLECTION = "partners";

    private final MongoTemplate mongo;

    MongoPartners(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Partner partner) {
        mongo.save(partner, COLLECTION);
    }

    @Override
    public Optional<Partner> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Partner.class, COLLECTION));
    }

    @Override
    public List<Partner> all() {
        return mongo.findAll(Partner.class, COLLECTION).stream()
            .sorted(Comparator.comparing((Partner partner) -> !partner.active()).thenComparing(Partner::name))
            .toList();
    }
}
