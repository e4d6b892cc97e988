package org.diasporadesk.registry.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate;
import org.diasporadesk.registry.household.matching.domain.MatchReason;
import org.diasporadesk.registry.review.application.DuplicateReview;
import org.diasporadesk.registry.review.application.DuplicateReview.Candidate;
import org.diasporadesk.registry.review.application.DuplicateReview.Decision;
import org.diasporadesk.registry.review.application.DuplicateReview.Outcome;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's duplicate review queue: candidate pairs, highest score first, filtered by import, reason, score,
 * status or municipality; each with both records side by side where the office holds them, and its decision.
 */
@Tag(name = "Duplicate review", description = "Pairs of records that may be the same person, for an officer to "
        + "resolve.")
@RestController
@RequestMapping("/duplicate-candidates")
class DuplicateCandidateController {

    private final DuplicateReview review;

    DuplicateCandidateController(DuplicateReview review) {
        this.review = review;
    }

    @Operation(summary = "List duplicate candidates",
            description = "The office's open pairs unless `status` says otherwise; `importJob` lists what one "
                    + "import flagged, `reason` and `minScore` narrow it.")
    @GetMapping
    DuplicateReview.Page queue(@RequestParam(required = false) DuplicateCandidate.Status status,
            @RequestParam(required = false) String importJob,
            @RequestParam(required = false) MatchReason reason,
            @RequestParam(required = false) Integer minScore,
            @RequestParam(required = false) String municipality,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestHeader(name = "X-Purpose", required = false) String purpose,
            @AuthenticationPrincipal Jwt jwt) {
        return review.queue(new DuplicateReview.QueueRequest(status, importJob, reason, minScore, municipality, page,
                size), Actor.from(jwt), purpose);
    }

    @Operation(summary = "Read a duplicate candidate",
            description = "Both records side by side where the office holds them, with the evidence and its score; "
                    + "of another office's record only the office and the reasons.")
    @GetMapping("/{id}")
    Candidate candidate(@PathVariable String id, @RequestHeader(name = "X-Purpose", required = false) String purpose,
            @AuthenticationPrincipal Jwt jwt) {
        return review.candidate(id, Actor.from(jwt), purpose);
    }

    /**
     * {@code {"outcome": "SAME_PERSON"}} merges the later record into the earlier one (or into
     * {@code survivorMigrantId}), or across offices proposes it to the other office's supervisors;
     * {@code NOT_THE_SAME_PERSON} is remembered; {@code RESOLVED} closes a notice across offices.
     */
    record ResolutionRequest(@NotNull Outcome outcome, String survivorMigrantId, @Size(max = 500) String note) {
    }

    @Operation(summary = "Resolve a duplicate candidate",
            description = "`SAME_PERSON` merges the two records, or across offices proposes the merge to a "
                    + "supervisor of the other office (status `MERGE_PROPOSED`); `NOT_THE_SAME_PERSON` is remembered "
                    + "so the pair is never flagged again; `RESOLVED` closes a notice across offices.")
    @PostMapping("/{id}/resolution")
    Candidate resolve(@PathVariable String id, @Valid @RequestBody ResolutionRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return review.decide(id, new Decision(request.outcome(), request.survivorMigrantId(), request.note()),
                Actor.from(jwt));
    }
}
