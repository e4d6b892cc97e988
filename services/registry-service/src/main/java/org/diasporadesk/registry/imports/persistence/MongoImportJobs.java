package org.diasporadesk.registry.imports.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.diasporadesk.registry.imports.application.ImportJob;
import org.diasporadesk.registry.imports.application.ImportJobs;
import org.diasporadesk.registry.imports.domain.RowError;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoImportJobs implements ImportJobs {

    static final String JOBS = "import_jobs";
    static final String ERRORS = "import_errors";

    private final MongoTemplate mongo;

    MongoImportJobs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A rejected row's error, or with {@code warning} a doubt about a row that was imported. */
    record ErrorDocument(@Id String id, String jobId, long line, String column, String value, String reason,
            boolean warning) {

        RowError rowError() {
            return new RowError(line, column, value, reason);
        }
    }

    @Override
    public void save(ImportJob job) {
        mongo.save(job, JOBS);
    }

    @Override
    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ImportJob.class, JOBS));
    }

    @Override
    public List<ImportJob> unfinished() {
        return mongo.find(new Query(Criteria.where("status").in(ImportJob.Status.QUEUED.name(),
                ImportJob.Status.RUNNING.name())), ImportJob.class, JOBS);
    }

    @Override
    public void addErrors(String jobId, List<RowError> errors) {
        write(jobId, errors, false);
    }

    @Override
    public Iterable<RowError> errors(String jobId) {
        return rows(jobId, false);
    }

    @Override
    public void addWarnings(String jobId, List<RowError> warnings) {
        write(jobId, warnings, true);
    }

    /**
     * A batch's rows in one bulk write. Keyed by job, line, column and the row's place among that line and column's
     * (a row may carry two doubtful numbers), so writing a batch again keeps one of each.
     */
    private void write(String jobId, List<RowError> rows, boolean warnings) {
        if (rows.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ErrorDocument.class, ERRORS);
        Map<String, Integer> seen = new HashMap<>();
        for (RowError row : rows) {
            String key = jobId + ":" + row.line() + ":" + row.column() + (warnings ? ":warning" : "");
            int place = seen.merge(key, 1, Integer::sum);
            String id = place == 1 ? key : key + ":" + place;
            bulk.replaceOne(new Query(Criteria.where("_id").is(id)), new ErrorDocument(id, jobId, row.line(),
                    row.column(), row.value(), row.reason(), warnings), FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    @Override
    public Iterable<RowError> warnings(String jobId) {
        return rows(jobId, true);
    }

    private List<RowError> rows(String jobId, boolean warnings) {
        Criteria kind = warnings ? Criteria.where("warning").is(true) : Criteria.where("warning").ne(true);
        return mongo.find(new Query(Criteria.where("jobId").is(jobId)).addCriteria(kind).with(Sort.by("line")),
                ErrorDocument.class, ERRORS)
            .stream()
            .map(ErrorDocument::rowError)
            .toList();
    }

    /** Reads every rejected row: erasures are rare and the reports are kept only for a while. */
    @Override
    public int deleteRejectedRows(Predicate<RowError> holds) {
        Set<RejectedRow> rows = new HashSet<>();
        try (Stream<ErrorDocument> all = mongo.stream(new Query(), ErrorDocument.class, ERRORS)) {
            all.filter(error -> holds.test(error.rowError()))
                .forEach(error -> rows.add(new RejectedRow(error.jobId(), error.line())));
        }
        for (RejectedRow row : rows) {
            mongo.remove(new Query(Criteria.where("jobId").is(row.jobId()).and("line").is(row.line())), ERRORS);
        }
        return rows.size();
    }

    private record RejectedRow(String jobId, long line) {
    }
}
