package org.diasporadesk.registry.household.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.registry.household.application.ErasureRequests;
import org.diasporadesk.registry.household.domain.ErasureRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A supervisor's queue of erasure requests: approve (the erasure is carried out) or refuse. */
@Tag(name = "Erasure requests", description = "Erasures a registry officer asked for, awaiting a supervisor of the "
        + "office (four eyes).")
@RestController
@RequestMapping("/erasure-requests")
class ErasureRequestController {

    private final ErasureRequests erasures;

    ErasureRequestController(ErasureRequests erasures) {
        this.erasures = erasures;
    }

    record RefusalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "List pending erasure requests",
            description = "The office's requests awaiting a decision, oldest first.")
    @GetMapping
    List<ErasureRequest> pending(@AuthenticationPrincipal Jwt jwt) {
        return erasures.pending(Actor.from(jwt));
    }

    @Operation(summary = "Approve an erasure",
            description = "A supervisor who did not ask approves: the person is erased here and in every service "
                    + "that holds a copy, and the erasure is recorded for restores.")
    @PostMapping("/{id}/approval")
    ErasureRequest approve(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return erasures.approve(id, Actor.from(jwt));
    }

    @Operation(summary = "Refuse an erasure",
            description = "A supervisor of the office refuses the request; nothing is erased.")
    @PostMapping("/{id}/refusal")
    ErasureRequest refuse(@PathVariable String id, @Valid @RequestBody RefusalRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return erasures.refuse(id, Actor.from(jwt), request.reason());
    }
}
