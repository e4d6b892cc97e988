package org.diasporadesk.registry.imports.application;

import java.time.Duration;
import java.time.Instant;

/**
 * A bulk import and its progress, as the officer polls or streams it.
 *
 * @param area        the territorial area of the officer who started it: rows outside it are refused
 * @param rowsSkipped      rows already imported before (same {@code external_id}): a re-import changes nothing
 * @param rowsWithWarnings rows imported with a doubt to check (a number kept outside the ranges known to be
 *                         assigned, an impossible informant number left out): listed in the warnings report
 */
public record ImportJob(String id, String startedBy, String area, Status status, long rowsTotal, long rowsDone,
        long rowsImported, long rowsSkipped, long rowsRejected, long possibleDuplicates, long rowsWithWarnings,
        Instant createdAt, Instant startedAt, Instant finishedAt, String failure) {

    public enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    public boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }

    /** Rows per second since the job started. */
    public double rowsPerSecond(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        double seconds = Duration.between(startedAt, finishedAt == null ? now : finishedAt).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : rowsDone / seconds;
    }

    public double percentDone() {
        return rowsTotal == 0 ? (finished() ? 100 : 0) : Math.min(100, 100.0 * rowsDone / rowsTotal);
    }

    /** Seconds left at the current rate; null while it cannot be estimated. */
    public Long secondsLeft(Instant now) {
        double rate = rowsPerSecond(now);
        return finished() ? Long.valueOf(0) : rate <= 0 ? null : Long.valueOf(Math.round((rowsTotal - rowsDone) / rate));
    }

    ImportJob running(Instant now) {
        return new ImportJob(id, startedBy, area, Status.RUNNING, rowsTotal, rowsDone, rowsImported, rowsSkipped,
                rowsRejected, possibleDuplicates, rowsWithWarnings, createdAt, now, null, null);
    }

    ImportJob progressed(long done, long imported, long skipped, long rejected, long duplicates, long warned) {
        return new ImportJob(id, startedBy, area, status, rowsTotal, rowsDone + done, rowsImported + imported,
                rowsSkipped + skipped, rowsRejected + rejected, possibleDuplicates + duplicates, rowsWithWarnings + warned,
                createdAt, startedAt, null, null);
    }

    ImportJob completed(Instant now) {
        return new ImportJob(id, startedBy, area, Status.COMPLETED, rowsTotal, rowsDone, rowsImported, rowsSkipped,
                rowsRejected, possibleDuplicates, rowsWithWarnings, createdAt, startedAt, now, null);
    }

    ImportJob failed(Instant now, String why) {
        return new ImportJob(id, startedBy, area, Status.FAILED, rowsTotal, rowsDone, rowsImported, rowsSkipped,
                rowsRejected, possibleDuplicates, rowsWithWarnings, createdAt, startedAt, now, why);
    }
}
