package org.diasporadesk.reporting.hotline.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.events.hotline.CallLogged;
import org.diasporadesk.reporting.hotline.application.CallFacts;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per call, keyed by the telephony system's call id; a call is logged once, when it ends. */
@Repository
class MongoCallFacts implements CallFacts, RebuildableProjection {

    static final String COLLECTION = "call_facts";

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoCallFacts(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @Document(COLLECTION)
    record CallFactDocument(@Id String callId, String municipalityCode, String direction, boolean answered,
            long waitSeconds, long talkSeconds, Instant endedAt, long sequence) {
    }

    @Override
    public boolean logged(CallLogged call, long sequence) {
        return writer.replaceIfNewer(COLLECTION, call.callId(), sequence, new CallFactDocument(call.callId(),
                call.municipalityCode(), call.direction(), call.answered(), call.waitSeconds(), call.talkSeconds(),
                call.endedAt(), sequence));
    }

    @Override
    public Map<String, Counts> byMunicipality(Collection<String> municipalityCodes) {
        List<CallFactDocument> calls = mongo.find(new Query(Criteria.where("municipalityCode").in(municipalityCodes)),
                CallFactDocument.class);
        return calls.stream().collect(Collectors.groupingBy(CallFactDocument::municipalityCode, Collectors.collectingAndThen(
                Collectors.partitioningBy(CallFactDocument::answered, Collectors.counting()),
                answered -> new Counts(answered.get(true), answered.get(false)))));
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), COLLECTION);
    }
}
