package org.diasporadesk.registry.imports.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.diasporadesk.registry.imports.domain.RowError;

/** Where import jobs and their rejected rows are kept. */
public interface ImportJobs {

    void save(ImportJob job);

    Optional<ImportJob> find(String id);

    List<ImportJob> unfinished();

    void addErrors(String jobId, List<RowError> errors);

    /** In line order; the caller streams them out. */
    Iterable<RowError> errors(String jobId);

    /** Deletes every error of each rejected row that has an error the predicate holds for; returns how many rows. */
    int deleteRejectedRows(Predicate<RowError> holds);
}
