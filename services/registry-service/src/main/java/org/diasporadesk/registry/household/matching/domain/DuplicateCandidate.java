package org.diasporadesk.registry.household.matching.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Two records that may be the same person, waiting for an officer, or decided. It holds ids and the evidence, never
 * the records' names or numbers: those are read from the households when an officer opens the queue, so a
 * correction shows at once and an erasure leaves nothing here.
 *
 * <p>The id is derived from the pair, so a pair found again (the same person reported once more, a record
 * corrected) is the same candidate: a decision, "not the same person" in particular, is never asked for again.
 *
 * @param earlier     the record registered first
 * @param later       the record whose registration, import or correction found the pair
 * @param importJobId the import that found it, or null
 * @param proposal    across offices, the merge one office proposed, while the other's supervisor decides; null
 *                    otherwise
 */
public record DuplicateCandidate(String id, Record earlier, Record later, int score, Set<MatchReason> reasons,
        String importJobId, Status status, Instant foundAt, String decidedBy, Instant decidedAt, String note,
        MergeProposal proposal) {

    /** One side of the pair. */
    public record Record(String householdId, String migrantId, String municipalityCode) {
    }

    /**
     * An officer's proposal to merge a pair across offices: the other office hands its record over only when its
     * supervisor, another person, approves.
     *
     * @param office            the proposing officer's municipality: the other one approves
     * @param survivorMigrantId the record that stays
     */
    public record MergeProposal(String by, String office, Instant at, String survivorMigrantId, String note) {
    }

    public enum Status {
        OPEN,
        /** The officer merged the two records. */
        MERGED,
        /** Remembered: the pair is never flagged again. */
        NOT_THE_SAME_PERSON,
        /** Across offices: the two offices spoke and settled it. */
        RESOLVED,
        /** Across offices: one office proposed merging; a supervisor of the other office approves or refuses. */
        MERGE_PROPOSED
    }

    public DuplicateCandidate {
        reasons = Set.copyOf(reasons);
    }

    public static DuplicateCandidate found(Record earlier, Record later, MatchEvidence evidence, String importJobId,
            Instant now) {
        return new DuplicateCandidate(idOf(earlier.migrantId(), later.migrantId()), earlier, later, evidence.score(),
                evidence.reasons(), importJobId, Status.OPEN, now, null, null, null, null);
    }

    /** The same for either order of the two records. */
    public static String idOf(String migrantId, String otherMigrantId) {
        return migrantId.compareTo(otherMigrantId) < 0 ? migrantId + "~" + otherMigrantId
                : otherMigrantId + "~" + migrantId;
    }

    public DuplicateCandidate decided(Status outcome, String officer, String note, Instant now) {
        return new DuplicateCandidate(id, earlier, later, score, reasons, importJobId, outcome, foundAt, officer,
                now, note, proposal);
    }

    /** Proposed for merging by an officer of {@code office}, one of the pair's two. */
    public DuplicateCandidate proposedForMerge(MergeProposal merge) {
        return new DuplicateCandidate(id, earlier, later, score, reasons, importJobId, Status.MERGE_PROPOSED, foundAt,
                null, null, null, merge);
    }

    /** The other office's supervisor refused the merge: the pair is open again, with why. */
    public DuplicateCandidate mergeRefused(String supervisor, String reason) {
        return new DuplicateCandidate(id, earlier, later, score, reasons, importJobId, Status.OPEN, foundAt, null, null,
                "merge refused by " + supervisor + ": " + reason, null);
    }

    /** The record of the pair that is not {@code migrantId}'s. */
    public Record other(String migrantId) {
        return earlier.migrantId().equals(migrantId) ? later : earlier;
    }

    public Record record(String migrantId) {
        return earlier.migrantId().equals(migrantId) ? earlier : later;
    }

    public boolean crossesOffices() {
        return !earlier.municipalityCode().equals(later.municipalityCode());
    }

    public List<Record> records() {
        return List.of(earlier, later);
    }

    public List<String> municipalities() {
        return Stream.of(earlier.municipalityCode(), later.municipalityCode()).distinct().toList();
    }

    public List<String> migrantIds() {
        return List.of(earlier.migrantId(), later.migrantId());
    }
}
