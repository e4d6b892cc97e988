package org.diasporadesk.reporting.hotline.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.events.hotline.ReferralOutcomeRecorded;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.hotline.TicketReferred;
import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketServiceLevelBreached;
import org.diasporadesk.events.hotline.TicketStatusChanged;
import org.diasporadesk.reporting.hotline.application.TicketFact;
import org.diasporadesk.reporting.hotline.application.TicketFacts;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per ticket, keyed by the ticket id, with the sequence of the last fact applied. */
@Repository
class MongoTicketFacts implements TicketFacts, RebuildableProjection {

    static final String COLLECTION = "ticket_facts";

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoTicketFacts(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** Fields are set by separate events, so any of them may still be missing: hence the boxed flags. */
    @Document(COLLECTION)
    record TicketFactDocument(@Id String ticketId, String municipalityCode, String topic, String priority,
            String channel, String status, Boolean emergency, Instant openedAt, Long responseOfficeMinutes,
            Long resolutionOfficeMinutes,
            Boolean responseBreached, Boolean resolutionBreached, String referralOutcome, long sequence) {
    }

    @Override
    public boolean opened(TicketOpened opened, long sequence) {
        return writer.updateIfNewer(COLLECTION, opened.ticketId(), sequence, new Update()
            .set("municipalityCode", opened.municipalityCode())
            .set("topic", opened.topic())
            .set("priority", opened.priority())
            .set("channel", opened.channel())
            .set("emergency", opened.emergency())
            .set("openedAt", opened.openedAt())
            .set("status", "NEW"));
    }

    /**
     * A resolution records its time in office minutes; a reopened ticket keeps it until it is resolved again. A
     * resolution published without office minutes (by a hotline from before they were sent) records none.
     */
    @Override
    public boolean statusChanged(TicketStatusChanged changed, long sequence) {
        Update update = new Update().set("status", changed.to()).set("priority", changed.priority());
        if ("RESOLVED".equals(changed.to())) {
            update.set("resolutionOfficeMinutes", changed.officeMinutesOpen());
        }
        return writer.updateIfNewer(COLLECTION, changed.ticketId(), sequence, update);
    }

    @Override
    public boolean responded(TicketResponded responded, long sequence) {
        return writer.updateIfNewer(COLLECTION, responded.ticketId(), sequence,
                new Update().set("responseOfficeMinutes", responded.officeMinutes()));
    }

    @Override
    public boolean breached(TicketServiceLevelBreached breached, long sequence) {
        String field = "RESPONSE".equals(breached.target()) ? "responseBreached" : "resolutionBreached";
        return writer.updateIfNewer(COLLECTION, breached.ticketId(), sequence, new Update().set(field, true));
    }

    @Override
    public boolean referred(TicketReferred referred, long sequence) {
        return writer.updateIfNewer(COLLECTION, referred.ticketId(), sequence,
                new Update().set("referralOutcome", "PENDING"));
    }

    @Override
    public boolean referralOutcome(ReferralOutcomeRecorded outcome, long sequence) {
        return writer.updateIfNewer(COLLECTION, outcome.ticketId(), sequence,
                new Update().set("referralOutcome", outcome.outcome()));
    }

    @Override
    public List<TicketFact> within(Collection<String> municipalityCodes) {
        return mongo.find(new Query(Criteria.where("municipalityCode").in(municipalityCodes)), TicketFactDocument.class)
            .stream()
            .map(d -> new TicketFact(d.ticketId(), d.municipalityCode(), d.topic(), d.priority(), d.channel(), d.status(),
                    Boolean.TRUE.equals(d.emergency()), d.openedAt(), d.responseOfficeMinutes(), d.resolutionOfficeMinutes(),
                    Boolean.TRUE.equals(d.responseBreached()), Boolean.TRUE.equals(d.resolutionBreached()),
                    d.referralOutcome()))
            .toList();
    }

    @Override
    public List<Opened> openedBetween(Instant from, Instant until) {
        Query opened = new Query(Criteria.where("openedAt").gte(from).lt(until));
        opened.fields().include("municipalityCode", "openedAt");
        return mongo.find(opened, org.bson.Document.class, COLLECTION).stream()
            .map(row -> new Opened(row.getString("municipalityCode"), row.getDate("openedAt").toInstant()))
            .toList();
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), COLLECTION);
    }
}
