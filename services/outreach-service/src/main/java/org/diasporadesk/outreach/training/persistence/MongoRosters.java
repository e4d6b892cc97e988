package org.diasporadesk.outreach.training.persistence;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.outbox.OutboxWriter.Change;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
import org.diasporadesk.outreach.training.application.Rosters;
import org.diasporadesk.outreach.training.domain.Roster;
import org.diasporadesk.outreach.training.domain.RosterChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One document per session roster with its outbox, replaced only at the version it was read at; the first
 * enrolment inserts it, and a second first enrolment at the same moment loses on the primary key.
 */
@Repository
class MongoRosters implements Rosters {

    static final String COLLECTION = "rosters";

    private final MongoTemplate mongo;
    private final OutboxWriter writer;
    private final Clock clock;

    MongoRosters(MongoTemplate mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }


    @Document(COLLECTION)
    record RosterDocument(@Id String id, Roster roster, long version, List<String> migrantIds, Outbox outbox) {
    }

    @Override
    public Optional<Roster> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, RosterDocument.class)).map(RosterDocument::roster);
    }

    @Override
    public void save(RosterChange change) {
        Roster roster = change.roster();
        long read = roster.version();
        RosterDocument current = read == 0 ? null : mongo.findById(roster.sessionId(), RosterDocument.class);
        Roster next = new Roster(roster.sessionId(), roster.campaignId(), roster.ownerArea(), roster.startsAt(),
                roster.capacity(), roster.enrolled(), roster.waiting(), read + 1);
        List<String> holders = Stream.concat(
                roster.enrolled().stream().map(Roster.Place::migrantId),
                roster.waiting().stream().map(Roster.Waiting::migrantId)).toList();
        if (read == 0) {
            try {
                writer.insert(new NewAggregate<>(outbox -> new RosterDocument(roster.sessionId(), next, 1, holders,
                        outbox), roster.sessionId(), roster.ownerArea(), change.events(), clock.instant()),
                        Lane.PERSON);
            }
            catch (DuplicateKeyException firstAtTheSameTime) {
                throw new OptimisticLockingFailureException("roster " + roster.sessionId() + " created meanwhile");
            }
        }
        else if (current == null || !writer.update(new Change(new RosterDocument(roster.sessionId(), next, 0, holders,
                null), "version", read, current.outbox(), roster.sessionId(), roster.ownerArea(), change.events()),
                Lane.PERSON)) {
            throw new OptimisticLockingFailureException("roster " + roster.sessionId() + " changed meanwhile");
        }
    }

    @Override
    public List<Roster> holding(String migrantId) {
        return mongo.find(new Query(Criteria.where("migrantIds").is(migrantId)), RosterDocument.class).stream()
            .map(RosterDocument::roster).toList();
    }
}
