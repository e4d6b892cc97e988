package org.diasporadesk.registry.review.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.chassis.web.Paging;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.diasporadesk.registry.household.application.HouseholdStore;
import org.diasporadesk.registry.household.application.MigrantMerge;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.matching.application.DuplicateCandidates;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate.MergeProposal;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate.Status;
import org.diasporadesk.registry.household.matching.domain.MatchReason;
import org.springframework.stereotype.Service;

/**
 * The duplicate review desk: an office's queue of candidate pairs, each shown with its evidence side by side, and
 * the officer's decision on it. A pair within the office is merged or marked "not the same person" (remembered, so
 * it is never flagged again). A pair across offices is a notice to both desks: each sees its own record in full and
 * of the other only which office to call and why; either marks it resolved once they spoke, or proposes merging it,
 * which a supervisor of the other office, another person, approves (then the records merge) or refuses.
 */
@Service
public class DuplicateReview {

    public static final int MAX_PAGE_SIZE = 100;

    private final DuplicateCandidates candidates;
    private final HouseholdStore households;
    private final MigrantMerge merge;
    private final Territory territory;
    private final AuditTrail audit;
    private final Clock clock;

    DuplicateReview(DuplicateCandidates candidates, HouseholdStore households, MigrantMerge merge,
            Territory territory, AuditTrail audit, Clock clock) {
        this.candidates = candidates;
        this.households = households;
        this.merge = merge;
        this.territory = territory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which candidates to list; {@code status} null means open ones, the other nulls do not filter. */
    public record QueueRequest(Status status, String importJobId, MatchReason reason, Integer minScore,
            String municipality, int page, int size) {
    }

    /**
     * One record of a pair as the reading officer may see it: in full when their office holds it; otherwise only
     * the office that does (household, migrant and informants then null).
     */
    public record Side(String municipalityCode, String municipalityName, boolean inYourOffice, String householdId,
            Migrant migrant, List<Informant> informants) {
    }

    /**
     * @param reasons what the records share; {@code doubts} where they disagree
     * @param records the earlier record first
     */
    public record Candidate(String id, int score, Set<MatchReason> reasons, Set<MatchReason> doubts, Status status,
            boolean acrossOffices, String importJobId, Instant foundAt, String decidedBy,
            Instant decidedAt, String note, List<Side> records, List<Outcome> outcomes, Proposal proposal) {
    }

    /**
     * A merge one office proposed across offices, as either desk sees it: who proposed it, from which office, and in
     * which office the surviving record stays.
     */
    public record Proposal(String proposedBy, String municipalityCode, String municipalityName, Instant proposedAt,
            String note, String survivorMunicipalityName) {
    }

    public record Page(List<Candidate> items, int page, int size, long total) {
    }

    /** What an officer can decide about a pair. */
    public enum Outcome {
        /**
         * Merge the later record into the earlier one (or into {@code survivorMigrantId}): at once within one office;
         * across offices, proposed to the other office's supervisors.
         */
        SAME_PERSON,
        NOT_THE_SAME_PERSON,
        /** Across offices: the offices spoke and settled it (one of them merged, or it is two people). */
        RESOLVED
    }

    public record Decision(Outcome outcome, String survivorMigrantId, String note) {
    }

    public Page queue(QueueRequest request, Actor officer, String purpose) {
        Paging.check(request.page(), request.size(), MAX_PAGE_SIZE, "candidates");
        if (request.minScore() != null && request.minScore() < 0) {
            throw new InvalidFieldException("minScore", "scores start at 0; flagged pairs have 8 or more");
        }
        DuplicateCandidates.Page found = candidates.page(new DuplicateCandidates.Filter(offices(request, officer),
                request.status() == null ? Status.OPEN : request.status(), request.importJobId(), request.reason(),
                request.minScore()), request.page(), request.size());
        List<Candidate> items = shown(found.items(), officer);
        audit.recordRead(officer, "read duplicate candidates", shownMigrants(items), purpose);
        return new Page(items, request.page(), request.size(), found.total());
    }

    public Candidate candidate(String id, Actor officer, String purpose) {
        Candidate shown = shown(List.of(visible(id, officer)), officer).get(0);
        audit.recordRead(officer, "read duplicate candidate " + id, shownMigrants(List.of(shown)), purpose);
        return shown;
    }

    public Candidate decide(String id, Decision decision, Actor officer) {
        DuplicateCandidate candidate = visible(id, officer);
        if (candidate.status() != Status.OPEN) {
            throw decidedAlready(candidate);
        }
        if (!allowed(candidate, officer).contains(decision.outcome())) {
            throw new InvalidFieldException("outcome", holdsBoth(candidate, officer)
                    ? "both records are in your area: merge them (SAME_PERSON) or say NOT_THE_SAME_PERSON"
                    : "the other record is in another office: call that office, then propose the merge "
                            + "(SAME_PERSON, which their supervisor approves), or say RESOLVED or NOT_THE_SAME_PERSON");
        }
        if (decision.outcome() == Outcome.SAME_PERSON && !holdsBoth(candidate, officer)) {
            return propose(candidate, decision, officer);
        }
        DuplicateCandidate decided = candidate.decided(statusOf(decision.outcome()), officer.userId(),
                decision.note(), clock.instant());
        if (decision.outcome() == Outcome.SAME_PERSON) {
            merge(candidate, decision, officer);
            candidates.save(decided);
        }
        else if (!candidates.decide(decided, Status.OPEN)) {
            throw decidedAlready(reloaded(id));
        }
        audit.recordRead(officer, "decided duplicate candidate " + id + ": " + decision.outcome(),
                candidate.migrantIds(), decision.note());
        return shown(List.of(decided), officer).get(0);
    }

    /** Across offices the officer proposes: nothing merges until the other office's supervisor approves. */
    private Candidate propose(DuplicateCandidate candidate, Decision decision, Actor officer) {
        String office = candidate.municipalities().stream().filter(code -> officer.covers(code, territory))
            .findFirst().orElseThrow();
        DuplicateCandidate proposed = candidate.proposedForMerge(new MergeProposal(officer.userId(), office,
                clock.instant(), survivorOf(candidate, decision), decision.note()));
        if (!candidates.decide(proposed, Status.OPEN)) {
            throw decidedAlready(reloaded(candidate.id()));
        }
        audit.recordRead(officer, "proposed merging duplicate candidate " + candidate.id() + " across offices",
                candidate.migrantIds(), decision.note());
        return shown(List.of(proposed), officer).get(0);
    }

    /**
     * The merges other offices proposed of pairs with a record in the supervisor's office, awaiting their approval:
     * their own record in full, the other only as its office.
     */
    public List<Candidate> proposals(Actor supervisor, String purpose) {
        List<DuplicateCandidate> waiting = candidates.page(new DuplicateCandidates.Filter(offices(supervisor),
                Status.MERGE_PROPOSED, null, null, null), 0, MAX_PAGE_SIZE).items().stream()
            .filter(candidate -> approvesFor(candidate, supervisor))
            .toList();
        List<Candidate> shown = shown(waiting, supervisor);
        audit.recordRead(supervisor, "read merge proposals", shownMigrants(shown), purpose);
        return shown;
    }

    /** The other office's supervisor approves: the records merge, the proposing officer's choice of survivor kept. */
    public Candidate approveMerge(String id, Actor supervisor) {
        DuplicateCandidate candidate = proposed(id, supervisor);
        MergeProposal proposal = candidate.proposal();
        DuplicateCandidate.Record survivor = candidate.record(proposal.survivorMigrantId());
        DuplicateCandidate.Record duplicate = candidate.other(proposal.survivorMigrantId());
        merge.mergeApproved(survivor.householdId(), survivor.migrantId(), duplicate.householdId(),
                duplicate.migrantId(), "proposed by " + proposal.by() + " (" + officeName(proposal.office())
                        + "), approved by " + supervisor.userId() + (proposal.note() == null ? "" : ": "
                        + proposal.note()), supervisor.userId());
        DuplicateCandidate merged = candidate.decided(Status.MERGED, supervisor.userId(), proposal.note(),
                clock.instant());
        candidates.save(merged);
        audit.recordRead(supervisor, "approved merging duplicate candidate " + id + " proposed by " + proposal.by(),
                candidate.migrantIds(), proposal.note());
        return shown(List.of(merged), supervisor).get(0);
    }

    /** The other office's supervisor refuses: nothing merges, and the pair is open again with the reason. */
    public Candidate refuseMerge(String id, String reason, Actor supervisor) {
        DuplicateCandidate candidate = proposed(id, supervisor);
        DuplicateCandidate refused = candidate.mergeRefused(supervisor.userId(), reason);
        if (!candidates.decide(refused, Status.MERGE_PROPOSED)) {
            throw decidedAlready(reloaded(id));
        }
        audit.recordRead(supervisor, "refused merging duplicate candidate " + id + " proposed by "
                + candidate.proposal().by(), candidate.migrantIds(), reason);
        return shown(List.of(refused), supervisor).get(0);
    }

    /** A pair waiting for this supervisor's decision: proposed from the other office, by somebody else. */
    private DuplicateCandidate proposed(String id, Actor supervisor) {
        DuplicateCandidate candidate = visible(id, supervisor);
        if (candidate.status() != Status.MERGE_PROPOSED) {
            throw new StateConflictException("status", "no merge of this pair waits for a decision (it is "
                    + candidate.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        MergeProposal proposal = candidate.proposal();
        if (proposal.by().equals(supervisor.userId())) {
            throw new StateConflictException("proposedBy", "you proposed this merge; a supervisor of the other office "
                    + "decides it (four eyes)");
        }
        if (!approvesFor(candidate, supervisor)) {
            String otherOffice = candidate.municipalities().stream().filter(code -> !code.equals(proposal.office()))
                .findFirst().orElseThrow();
            throw new StateConflictException("proposedBy", "your office proposed this merge (" + proposal.by()
                    + "); a supervisor of " + officeName(otherOffice) + " decides it");
        }
        return candidate;
    }

    /** Whether the supervisor covers the office that did not propose the merge. */
    private boolean approvesFor(DuplicateCandidate candidate, Actor supervisor) {
        return candidate.proposal() != null && candidate.municipalities().stream()
            .anyMatch(code -> !code.equals(candidate.proposal().office()) && supervisor.covers(code, territory));
    }

    private void merge(DuplicateCandidate candidate, Decision decision, Actor officer) {
        String survivorId = survivorOf(candidate, decision);
        DuplicateCandidate.Record duplicate = candidate.other(survivorId);
        merge.merge(candidate.record(survivorId).householdId(), survivorId, duplicate.householdId(),
                duplicate.migrantId(), decision.note(), officer);
    }

    /** The record the officer keeps: the earlier one unless they chose. */
    private static String survivorOf(DuplicateCandidate candidate, Decision decision) {
        String survivorId = decision.survivorMigrantId() == null ? candidate.earlier().migrantId()
                : decision.survivorMigrantId();
        if (!candidate.migrantIds().contains(survivorId)) {
            throw new InvalidFieldException("survivorMigrantId", "'" + survivorId + "' is not one of the pair's "
                    + "records: give " + String.join(" or ", candidate.migrantIds()) + ", or leave it out to keep "
                    + "the earlier record");
        }
        return survivorId;
    }

    private DuplicateCandidate reloaded(String id) {
        return candidates.find(id).orElseThrow(() -> new NotFoundException("duplicate candidate", id));
    }

    private String officeName(String municipalityCode) {
        return territory.unit(municipalityCode).map(TerritorialUnit::name).orElse(municipalityCode);
    }

    private static Status statusOf(Outcome outcome) {
        return switch (outcome) {
            case SAME_PERSON -> Status.MERGED;
            case NOT_THE_SAME_PERSON -> Status.NOT_THE_SAME_PERSON;
            case RESOLVED -> Status.RESOLVED;
        };
    }

    private List<Outcome> allowed(DuplicateCandidate candidate, Actor officer) {
        if (candidate.status() != Status.OPEN) {
            return List.of();
        }
        return holdsBoth(candidate, officer) ? List.of(Outcome.SAME_PERSON, Outcome.NOT_THE_SAME_PERSON)
                : List.of(Outcome.SAME_PERSON, Outcome.RESOLVED, Outcome.NOT_THE_SAME_PERSON);
    }

    private boolean holdsBoth(DuplicateCandidate candidate, Actor officer) {
        return candidate.municipalities().stream().allMatch(code -> officer.covers(code, territory));
    }

    private static StateConflictException decidedAlready(DuplicateCandidate candidate) {
        if (candidate.status() == Status.MERGE_PROPOSED) {
            return new StateConflictException("status", "a merge of this pair was proposed by "
                    + candidate.proposal().by() + " and waits for a supervisor of the other office");
        }
        return new StateConflictException("status", "the pair was decided already ("
                + candidate.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (candidate.decidedBy() == null ? "" : ", by " + candidate.decidedBy()) + ")");
    }

    /** Another office's candidate answers exactly like a missing one. */
    private DuplicateCandidate visible(String id, Actor officer) {
        return candidates.find(id)
            .filter(candidate -> candidate.municipalities().stream().anyMatch(code -> officer.covers(code, territory)))
            .orElseThrow(() -> new NotFoundException("duplicate candidate", id));
    }

    private List<String> offices(QueueRequest request, Actor officer) {
        if (request.municipality() != null) {
            if (!territory.isLowestLevelUnit(request.municipality()) || !officer.covers(request.municipality(),
                    territory)) {
                throw new InvalidFieldException("municipality", "'" + request.municipality()
                        + "' is not a municipality of your area");
            }
            return List.of(request.municipality());
        }
        return offices(officer);
    }

    private List<String> offices(Actor officer) {
        return territory.lowestLevelUnits().stream().filter(code -> officer.covers(code, territory)).toList();
    }

    /** The pairs with the officer's own records read in one round trip. */
    private List<Candidate> shown(List<DuplicateCandidate> pairs, Actor officer) {
        Map<String, Household> held = households.findAll(pairs.stream()
            .flatMap(pair -> pair.records().stream())
            .filter(record -> officer.covers(record.municipalityCode(), territory))
            .map(DuplicateCandidate.Record::householdId)
            .collect(Collectors.toSet()));
        List<Candidate> shown = new ArrayList<>();
        for (DuplicateCandidate pair : pairs) {
            List<Side> sides = pair.records().stream().map(record -> side(record, held, officer)).toList();
            shown.add(new Candidate(pair.id(), pair.score(),
                    pair.reasons().stream().filter(MatchReason::forMatch).collect(Collectors.toSet()),
                    pair.reasons().stream().filter(reason -> !reason.forMatch()).collect(Collectors.toSet()),
                    pair.status(), pair.crossesOffices(), pair.importJobId(), pair.foundAt(), pair.decidedBy(),
                    pair.decidedAt(), pair.note(), sides, allowed(pair, officer), proposal(pair)));
        }
        return shown;
    }

    private Proposal proposal(DuplicateCandidate pair) {
        MergeProposal proposal = pair.proposal();
        return proposal == null ? null : new Proposal(proposal.by(), proposal.office(), officeName(proposal.office()),
                proposal.at(), proposal.note(), officeName(pair.record(proposal.survivorMigrantId()).municipalityCode()));
    }

    private Side side(DuplicateCandidate.Record record, Map<String, Household> held, Actor officer) {
        String name = officeName(record.municipalityCode());
        Household household = held.get(record.householdId());
        if (!officer.covers(record.municipalityCode(), territory)) {
            return new Side(record.municipalityCode(), name, false, null, null, null);
        }
        // Merged or erased since: the office still sees where the record was.
        Migrant migrant = household == null ? null : household.migrant(record.migrantId()).orElse(null);
        return new Side(record.municipalityCode(), name, true, record.householdId(), migrant,
                household == null ? List.of() : household.informants());
    }

    private static List<String> shownMigrants(List<Candidate> items) {
        return items.stream().flatMap(item -> item.records().stream())
            .filter(side -> side.migrant() != null).map(side -> side.migrant().migrantId()).distinct().toList();
    }
}
