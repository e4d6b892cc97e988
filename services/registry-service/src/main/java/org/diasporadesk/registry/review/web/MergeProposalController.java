package org.diasporadesk.registry.review.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.registry.review.application.DuplicateReview;
import org.diasporadesk.registry.review.application.DuplicateReview.Candidate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A supervisor's queue of merges another office proposed of a pair with one record in theirs (four eyes). */
@Tag(name = "Merge proposals", description = "Duplicates across offices that one office proposed to merge, awaiting "
        + "a supervisor of the other office.")
@RestController
@RequestMapping("/merge-proposals")
class MergeProposalController {

    private final DuplicateReview review;

    MergeProposalController(DuplicateReview review) {
        this.review = review;
    }

    record RefusalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "List merge proposals",
            description = "The pairs another office proposed to merge that have a record in the supervisor's office: "
                    + "that record in full, the other only as its office, with the evidence and who proposed it.")
    @GetMapping
    List<Candidate> pending(@RequestHeader(name = "X-Purpose", required = false) String purpose,
            @AuthenticationPrincipal Jwt jwt) {
        return review.proposals(Actor.from(jwt), purpose);
    }

    @Operation(summary = "Approve a merge",
            description = "A supervisor of the office that did not propose it, and not the person who did, approves: "
                    + "the records merge into the one the proposing officer chose, here and in every service.")
    @PostMapping("/{id}/approval")
    Candidate approve(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return review.approveMerge(id, Actor.from(jwt));
    }

    @Operation(summary = "Refuse a merge",
            description = "Nothing merges; the pair is open again on both desks, with the reason.")
    @PostMapping("/{id}/refusal")
    Candidate refuse(@PathVariable String id, @Valid @RequestBody RefusalRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return review.refuseMerge(id, request.reason(), Actor.from(jwt));
    }
}
