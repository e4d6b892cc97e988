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

    /** Doubts about rows that were imported, kept beside the errors and aged and erased with them. */
    void addWarnings(String jobId, List<RowError> warnings);

    /** In line order. */
    Iterable<RowError> warnings(String jobId);

    /**
     * Deletes every error or warning of each row that has one the predicate holds for; returns how many rows.
     */
    int deleteRejectedRows(Predicate<RowError> holds);
}
