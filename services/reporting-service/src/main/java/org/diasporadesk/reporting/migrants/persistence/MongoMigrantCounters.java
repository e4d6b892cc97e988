package org.diasporadesk.reporting.migrants.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.diasporadesk.reporting.migrants.application.CountChanges;
import org.diasporadesk.reporting.migrants.application.CountChanges.RecordedDay;
import org.diasporadesk.reporting.migrants.application.MigrantCounters;
import org.diasporadesk.reporting.migrants.application.MigrantTally;
import org.diasporadesk.reporting.migrants.application.MigrantTally.Dimension;
import org.diasporadesk.reporting.projection.LogSpan;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Counters as small documents: one per municipality and partition of the statistics topic (totals and breakdowns)
 * and one per day of recording, municipality and partition. Each keeps the offset of the last record it took in;
 * an increment is an upsert that matches the document only below the span's first offset, so a span taken in
 * before is refused by the {@code _id} index, atomically, without a transaction. Splitting by partition keeps
 * the offsets comparable; a query adds the partitions up, a few hundred documents for the whole nation.
 */
@Repository
class MongoMigrantCounters implements MigrantCounters, RebuildableProjection {

    static final String MUNICIPALITIES = "migrant_counts";
    static final String DAYS = "recorded_day_counts";

    private final MongoTemplate mongo;

    MongoMigrantCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(CountChanges changes, LogSpan span) {
        Map<String, MigrantTally> municipalities = changes.municipalities();
        Map<RecordedDay, Counts> days = changes.days();
        if (!municipalities.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, MUNICIPALITIES);
            municipalities.forEach((municipality, tally) -> {
                Update increment = takenIn(span).set("municipalityCode", municipality)
                    .inc("migrants", tally.migrants()).inc("households", tally.households());
                for (Dimension dimension : Dimension.values()) {
                    tally.by(dimension).forEach((value, count) -> increment.inc(dimension.name() + "." + value, count));
                }
                bulk.upsert(notYetTakenIn(municipality + "@" + span.partitionKey(), span), increment);
            });
            BulkWrites.executeSkippingHeld(bulk);
        }
        if (!days.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, DAYS);
            days.forEach((recorded, counts) -> bulk.upsert(
                    notYetTakenIn(recorded.municipalityCode() + "@" + recorded.day() + "@" + span.partitionKey(), span),
                    takenIn(span).set("municipalityCode", recorded.municipalityCode())
                        .set("day", recorded.day().toString())
                        .inc("migrants", counts.migrants()).inc("households", counts.households())));
            BulkWrites.executeSkippingHeld(bulk);
        }
    }

    private static Query notYetTakenIn(String id, LogSpan span) {
        return new Query(Criteria.where("_id").is(id).and("offset").lt(span.firstOffset()));
    }

    private static Update takenIn(LogSpan span) {
        return new Update().set("offset", span.lastOffset());
    }

    @Override
    public Map<String, MigrantTally> tallies(Collection<String> municipalityCodes) {
        Map<String, MigrantTally> tallies = new HashMap<>();
        Query ofMunicipalities = new Query(Criteria.where("municipalityCode").in(municipalityCodes));
        for (Document counter : mongo.find(ofMunicipalities, Document.class, MUNICIPALITIES)) {
            Map<Dimension, Map<String, Long>> by = new EnumMap<>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                Document counts = counter.get(dimension.name(), Document.class);
                if (counts != null) {
                    Map<String, Long> values = new TreeMap<>();
                    counts.forEach((value, count) -> values.put(value, ((Number) count).longValue()));
                    by.put(dimension, values);
                }
            }
            tallies.merge(counter.getString("municipalityCode"), new MigrantTally(number(counter, "migrants"),
                    number(counter, "households"), by), MigrantTally::plus);
        }
        return tallies;
    }

    @Override
    public List<Recorded> recordedBetween(LocalDate from, LocalDate until) {
        // ISO dates as strings sort as the days do.
        Query ofDays = new Query(Criteria.where("day").gte(from.toString()).lt(until.toString()));
        Map<RecordedDay, Counts> perDay = new HashMap<>();
        for (Document counter : mongo.find(ofDays, Document.class, DAYS)) {
            perDay.merge(new RecordedDay(LocalDate.parse(counter.getString("day")),
                    counter.getString("municipalityCode")),
                    new Counts(number(counter, "migrants"), number(counter, "households")), Counts::plus);
        }
        List<Recorded> recorded = new ArrayList<>();
        perDay.forEach((day, counts) -> {
            if (!counts.equals(Counts.ZERO)) {
                recorded.add(new Recorded(day.day(), day.municipalityCode(), counts));
            }
        });
        return recorded;
    }

    private static long number(Document counter, String field) {
        Object value = counter.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), MUNICIPALITIES);
        mongo.remove(new Query(), DAYS);
    }
}
