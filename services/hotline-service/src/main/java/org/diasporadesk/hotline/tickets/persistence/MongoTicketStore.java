package org.diasporadesk.hotline.tickets.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.diasporadesk.chassis.messaging.CompareAndSet;
import org.diasporadesk.chassis.outbox.OutboxWriter;
import org.diasporadesk.chassis.outbox.OutboxWriter.Change;
import org.diasporadesk.chassis.outbox.OutboxWriter.Lane;
import org.diasporadesk.chassis.outbox.OutboxWriter.NewAggregate;
import org.diasporadesk.hotline.tickets.application.ServiceLevelDeadline;
import org.diasporadesk.hotline.tickets.application.TicketStore;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketChange;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Tickets with their outbox. The queue, the caller lookups and the service-level watch query secondary fields,
 * each served by an index declared here. Each write stores when the ticket is next due for the watch, so that the watch reads only those.
 */
@Repository
class MongoTicketStore implements TicketStore, InitializingBean {

    /** The statuses of tickets no longer worked, as stored: open tickets are all others. */
    private static final List<String> FINISHED = Arrays.stream(TicketStatus.values()).filter(TicketStatus::finished)
        .map(TicketStatus::name).toList();

    private final MongoTemplate mongo;
    private final OutboxWriter writer;
    private final Clock clock;
    private final ServiceLevelDeadline deadline;

    MongoTicketStore(MongoTemplate mongo, OutboxWriter writer, Clock clock, ServiceLevelDeadline deadline) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(TicketDocument.COLLECTION);
        indexes.createIndex(new Index().on("officeCode", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
            .on("queueRank", Sort.Direction.DESC).on("openedAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("caller.phone", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("caller.migrantId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("caller.householdId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on(TicketDocument.SERVICE_LEVEL_DUE_AT, Sort.Direction.ASC).sparse());
    }

    @Override
    public void insert(TicketChange change) {
        Ticket ticket = change.ticket();
        writer.insert(new NewAggregate<>(outbox -> TicketDocument.of(ticket, deadline.nextPossibleMiss(ticket), outbox,
                null), ticket.id(), ticket.officeCode(), change.events(), clock.instant()), Lane.PERSON);
    }

    @Override
    public void update(TicketChange change) {
        Ticket ticket = change.ticket();
        TicketDocument current = mongo.findById(ticket.id(), TicketDocument.class);
        if (current == null || !Objects.equals(current.version(), ticket.version())) {
            throw new OptimisticLockingFailureException("ticket " + ticket.id() + " changed meanwhile");
        }
        if (!writer.update(new Change(TicketDocument.of(ticket, deadline.nextPossibleMiss(ticket), null, null),
                "version", current.version(), current.outbox(), ticket.id(), ticket.officeCode(), change.events()),
                Lane.PERSON)) {
            throw new OptimisticLockingFailureException("ticket " + ticket.id() + " changed meanwhile");
        }
    }

    @Override
    public Optional<Ticket> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TicketDocument.class)).map(TicketDocument::ticket);
    }

    @Override
    public List<Ticket> queue(Collection<String> offices, TicketStatus status, String assigneeOrFree, int page,
            int size) {
        Criteria criteria = Criteria.where("officeCode").in(offices);
        criteria = status == null ? criteria.and("status").nin(FINISHED)
                : criteria.and("status").is(status.name());
        if (assigneeOrFree != null) {
            criteria = criteria.and("assignee").in(assigneeOrFree, null);
        }
        Query query = new Query(criteria)
            .with(Sort.by(Sort.Order.desc("queueRank"), Sort.Order.asc("openedAt")))
            .skip((long) page * size)
            .limit(size);
        return mongo.find(query, TicketDocument.class).stream().map(TicketDocument::ticket).toList();
    }

    @Override
    public List<Ticket> serviceLevelsDue(Instant now) {
        return mongo.find(new Query(Criteria.where(TicketDocument.SERVICE_LEVEL_DUE_AT).lte(now)), TicketDocument.class)
            .stream().map(TicketDocument::ticket).toList();
    }

    @Override
    public int refreshServiceLevelDueTimes() {
        Query open = new Query(Criteria.where("status").nin(FINISHED));
        int moved = 0;
        for (TicketDocument document : mongo.find(open, TicketDocument.class)) {
            Instant due = deadline.nextPossibleMiss(document.ticket());
            if (!Objects.equals(due, document.serviceLevelDueAt())) {
                // Only where the ticket is still as read: a change written meanwhile stored its own due time. By the
                // collection's name, so that the version stays and an agent's edit under way is not refused for it.
                Update update = due == null ? new Update().unset(TicketDocument.SERVICE_LEVEL_DUE_AT)
                        : new Update().set(TicketDocument.SERVICE_LEVEL_DUE_AT, due);
                moved += (int) mongo.updateFirst(CompareAndSet.expecting(document.id(), "version", document.version()),
                        update, TicketDocument.COLLECTION).getModifiedCount();
            }
        }
        return moved;
    }

    @Override
    public List<Ticket> byCallerPhone(String e164, Collection<String> offices, int limit) {
        Query query = new Query(Criteria.where("caller.phone").is(e164).and("officeCode").in(offices))
            .with(Sort.by(Sort.Order.desc("openedAt")))
            .limit(limit);
        return mongo.find(query, TicketDocument.class).stream().map(TicketDocument::ticket).toList();
    }

    @Override
    public List<Ticket> byCaller(String migrantId, String householdId, Collection<String> phones) {
        List<Criteria> reached = new ArrayList<>();
        reached.add(Criteria.where("caller.migrantId").is(migrantId));
        if (householdId != null) {
            reached.add(Criteria.where("caller.householdId").is(householdId));
        }
        if (!phones.isEmpty()) {
            reached.add(Criteria.where("caller.phone").in(phones).and("caller.householdId").isNull());
        }
        Criteria criteria = new Criteria().orOperator(reached);
        return mongo.find(new Query(criteria), TicketDocument.class).stream().map(TicketDocument::ticket).toList();
    }

    @Override
    public void replaceCallers(List<Ticket> tickets) {
        for (Ticket ticket : tickets) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(ticket.id())),
                    new Update().set("caller", ticket.caller()).set("notes", ticket.notes())
                        .set("referrals", ticket.referrals()).inc("version", 1),
                    TicketDocument.class);
        }
    }

    @Override
    public List<Ticket> finishedWithPersonalData(Instant cutoff, int limit) {
        Criteria personal = new Criteria().orOperator(Criteria.where("caller.phone").ne(null),
                Criteria.where("caller.name").ne(null),
                Criteria.where("notes").elemMatch(Criteria.where("text").ne(Ticket.ERASED_TEXT)));
        Query query = new Query(new Criteria().andOperator(Criteria.where("finishedAt").lt(cutoff), personal))
            .with(Sort.by("finishedAt")).limit(limit);
        return mongo.find(query, TicketDocument.class).stream().map(TicketDocument::ticket).toList();
    }

    @Override
    public void relinkCaller(String mergedMigrantId, String survivingMigrantId, String survivingHouseholdId) {
        mongo.updateMulti(new Query(Criteria.where("caller.migrantId").is(mergedMigrantId)),
                new Update().set("caller.migrantId", survivingMigrantId).set("caller.householdId", survivingHouseholdId)
                    .inc("version", 1),
                TicketDocument.class);
    }
}
