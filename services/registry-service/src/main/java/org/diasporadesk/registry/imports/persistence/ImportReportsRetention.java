package org.diasporadesk.registry.imports.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.diasporadesk.chassis.retention.RetentionRule;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * An import's report of rejected rows holds the values that were wrong, often a person's number or name; once the
 * officer has had time to correct and upload them again, it goes. The job's counts stay.
 */
@Component
class ImportReportsRetention implements RetentionRule {

    private final MongoTemplate mongo;

    ImportReportsRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String kind() {
        return "import-reports";
    }

    @Override
    public Duration keptFor() {
        return Duration.ofDays(30);
    }

    @Override
    public long applyBefore(Instant cutoff) {
        Query finished = new Query(Criteria.where("finishedAt").lt(cutoff));
        finished.fields().include("_id");
        List<Object> jobs = mongo.find(finished, org.bson.Document.class, MongoImportJobs.JOBS).stream()
            .map(job -> job.get("_id"))
            .toList();
        if (jobs.isEmpty()) {
            return 0;
        }
        return mongo.remove(new Query(Criteria.where("jobId").in(jobs)), MongoImportJobs.ERRORS).getDeletedCount();
    }
}
