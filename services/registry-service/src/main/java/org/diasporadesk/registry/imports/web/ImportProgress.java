package org.diasporadesk.registry.imports.web;

import java.time.Instant;

import org.diasporadesk.registry.imports.application.ImportJob;

/** An import job as the officer sees it, with rate, percentage and time left worked out. */
record ImportProgress(String id, ImportJob.Status status, long rowsTotal, long rowsDone, long rowsImported,
        long rowsSkipped, long rowsRejected, long possibleDuplicates, long rowsWithWarnings, double percentDone,
        double rowsPerSecond, Long secondsLeft, Instant createdAt, Instant startedAt, Instant finishedAt, String failure,
        String progressUrl, String errorsUrl, String warningsUrl, String duplicatesUrl) {

    static ImportProgress of(ImportJob job, Instant now) {
        return new ImportProgress(job.id(), job.status(), job.rowsTotal(), job.rowsDone(), job.rowsImported(),
                job.rowsSkipped(), job.rowsRejected(), job.possibleDuplicates(), job.rowsWithWarnings(),
                Math.round(job.percentDone() * 10) / 10.0, Math.round(job.rowsPerSecond(now)), job.secondsLeft(now),
                job.createdAt(), job.startedAt(), job.finishedAt(), job.failure(), "/imports/" + job.id() + "/progress",
                "/imports/" + job.id() + "/errors", "/imports/" + job.id() + "/warnings",
                "/duplicate-candidates?importJob=" + job.id());
    }
}
