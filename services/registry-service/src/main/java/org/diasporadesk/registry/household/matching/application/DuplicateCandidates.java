package org.diasporadesk.registry.household.matching.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate;
import org.diasporadesk.registry.household.matching.domain.MatchReason;

/** The duplicate review desk's candidate pairs. */
public interface DuplicateCandidates {

    /** Which candidates of a queue to list; null fields do not filter. */
    record Filter(Collection<String> municipalities, DuplicateCandidate.Status status, String importJobId,
            MatchReason reason, Integer minScore) {
    }

    record Page(List<DuplicateCandidate> items, long total) {
    }

    /**
     * Records the pairs not known yet, in one round trip; a known pair (open or decided) is left as it is.
     *
     * @return the pairs recorded now
     */
    List<DuplicateCandidate> recordNew(List<DuplicateCandidate> found);

    Optional<DuplicateCandidate> find(String id);

    /** Stores a decision on a pair that was {@code from}; false if someone decided the pair first. */
    boolean decide(DuplicateCandidate decided, DuplicateCandidate.Status from);

    /** Stores a decision whatever the pair's status: a merge, which closed the pair's open state itself. */
    void save(DuplicateCandidate decided);

    /** Highest scores first, then oldest. */
    Page page(Filter filter, int page, int size);

    /** Every pair the migrant is part of goes: their record was erased. */
    void forget(String migrantId);

    /**
     * Pairs still open (or proposed for merging) with a record that was merged into another: that record is no longer
     * there to review.
     */
    void closeOpen(String migrantId, Instant at);
}
