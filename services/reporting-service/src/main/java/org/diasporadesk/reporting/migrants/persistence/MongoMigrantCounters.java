package org.diasporadesk.reporting.migrants.persistence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.bson.Document;
import org.diasporadesk.chassis.messaging.CompareAndSet;
import org.diasporadesk.reporting.migrants.application.CountChanges;
import org.diasporadesk.reporting.migrants.application.CountChanges.RecordedDay;
import org.diasporadesk.reporting.migrants.application.MigrantCounters;
import org.diasporadesk.reporting.migrants.application.MigrantTally;
import org.diasporadesk.reporting.migrants.application.MigrantTally.Dimension;
import org.diasporadesk.reporting.projection.LogSpan;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Counters as small documents: one per municipality and partition of the statistics topic (totals and breakdowns)
 * and one per municipality, month of recording and partition (households and migrants per day). Each keeps the
 * offset of the last record it took in. Adding reads the offsets of the documents it will change, adds to each only
 * the changes of the records after its offset (a poll delivered again may overlap what a counter took in), and
 * writes by compare-and-set on the offset read; the consumer of a partition is the only writer of its documents, so
 * a failed compare-and-set means a consumer that lost the partition wrote meanwhile, and the records are retried.
 * Splitting by partition keeps the offsets comparable; a query adds the partitions up: a few hundred documents for
 * the whole nation, however many households there are.
 */
@Repository
class MongoMigrantCounters implements MigrantCounters, RebuildableProjection {

    static final String MUNICIPALITIES = "migrant_counts";
    static final String MONTHS = "recorded_month_counts";
    private static final String OFFSET = "offset";

    private final MongoTemplate mongo;

    MongoMigrantCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(CountChanges changes, LogSpan span) {
        Map<String, Function<Long, Update>> municipalities = new HashMap<>();
        for (String municipality : changes.municipalities()) {
            municipalities.put(municipality + "@" + span.partitionKey(), takenIn -> {
                MigrantTally tally = changes.municipality(municipality, takenIn);
                if (tally.isZero()) {
                    return null;
                }
                Update increment = new Update().set("municipalityCode", municipality)
                    .inc("migrants", tally.migrants()).inc("households", tally.households());
                for (Dimension dimension : Dimension.values()) {
                    tally.by(dimension).forEach((value, count) -> increment.inc(dimension.name() + "." + value,
                            count));
                }
                return increment;
            });
        }
        Map<String, List<RecordedDay>> daysByMonth = new HashMap<>();
        for (RecordedDay recorded : changes.days()) {
            daysByMonth.computeIfAbsent(recorded.municipalityCode() + "@" + YearMonth.from(recorded.day()) + "@"
                    + span.partitionKey(), id -> new ArrayList<>()).add(recorded);
        }
        Map<String, Function<Long, Update>> months = new HashMap<>();
        daysByMonth.forEach((id, days) -> months.put(id, takenIn -> {
            Update increment = new Update().set("municipalityCode", days.get(0).municipalityCode())
                .set("month", YearMonth.from(days.get(0).day()).toString());
            boolean changed = false;
            for (RecordedDay recorded : days) {
                Counts counts = changes.day(recorded, takenIn);
                if (!counts.equals(Counts.ZERO)) {
                    increment.inc("days." + recorded.day() + ".migrants", counts.migrants())
                        .inc("days." + recorded.day() + ".households", counts.households());
                    changed = true;
                }
            }
            return changed ? increment : null;
        }));
        takeIn(MUNICIPALITIES, municipalities, span);
        takeIn(MONTHS, months, span);
    }

    /**
     * @param increments per counter document, its change through the records after the offset it took in last
     *                   (null: all of them); null where that changes nothing
     */
    private void takeIn(String collection, Map<String, Function<Long, Update>> increments, LogSpan span) {
        if (increments.isEmpty()) {
            return;
        }
        Query held = new Query(Criteria.where("_id").in(increments.keySet()));
        held.fields().include(OFFSET);
        Map<Object, Long> offsets = new HashMap<>();
        mongo.find(held, Document.class, collection).forEach(counter -> offsets.put(counter.get("_id"),
                ((Number) counter.get(OFFSET)).longValue()));
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        int writes = 0;
        for (Map.Entry<String, Function<Long, Update>> counter : increments.entrySet()) {
            Long taken = offsets.get(counter.getKey());
            if (taken != null && taken >= span.lastOffset()) {
                continue;
            }
            Update increment = counter.getValue().apply(taken);
            if (increment == null) {
                continue;
            }
            bulk.upsert(CompareAndSet.expecting(counter.getKey(), OFFSET, taken), increment.set(OFFSET,
                    span.lastOffset()));
            writes++;
        }
        if (writes == 0) {
            return;
        }
        try {
            bulk.execute();
        }
        catch (BulkOperationException ex) {
            throw new IllegalStateException(ex.getErrors().size() + " counters in " + collection + " changed while "
                    + span + " was taken in; the records are retried", ex);
        }
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
        // Months as ISO strings sort as the months do.
        Query ofMonths = new Query(Criteria.where("month").gte(YearMonth.from(from).toString())
            .lte(YearMonth.from(until.minusDays(1)).toString()));
        Map<RecordedDay, Counts> perDay = new HashMap<>();
        for (Document counter : mongo.find(ofMonths, Document.class, MONTHS)) {
            Document days = counter.get("days", Document.class);
            if (days == null) {
                continue;
            }
            days.forEach((day, value) -> {
                LocalDate date = LocalDate.parse(day);
                Document counts = (Document) value;
                if (!date.isBefore(from) && date.isBefore(until)) {
                    perDay.merge(new RecordedDay(date, counter.getString("municipalityCode")),
                            new Counts(number(counts, "migrants"), number(counts, "households")), Counts::plus);
                }
            });
        }
        List<Recorded> recorded = new ArrayList<>();
        perDay.forEach((day, counts) -> {
            if (!counts.equals(Counts.ZERO)) {
                recorded.add(new Recorded(day.day(), day.municipalityCode(), counts));
            }
        });
        return recorded;
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), MUNICIPALITIES);
        mongo.remove(new Query(), MONTHS);
    }
}
