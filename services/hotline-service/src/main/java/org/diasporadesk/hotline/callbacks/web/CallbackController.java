package org.diasporadesk.hotline.callbacks.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.callbacks.application.CallbackPlanner;
import org.diasporadesk.hotline.callbacks.application.CallbackPlanner.PlannedCallback;
import org.diasporadesk.hotline.callbacks.domain.Callback;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Callbacks", description = "Calls an agent promised to return, in the caller's local time.")
@RestController
class CallbackController {

    private final CallbackPlanner planner;

    CallbackController(CallbackPlanner planner) {
        this.planner = planner;
    }

    /** {@code at}: an instant with its offset ({@code 2026-11-24T17:00:00+04:00}); {@code timeZone} if the ticket has none. */
    record ScheduleRequest(@NotNull Instant at, @Size(max = 60) String timeZone) {
    }

    record CloseRequest(@NotNull Callback.Status status) {
    }

    @Operation(summary = "Plan a callback on a ticket",
            description = "Plans a call back to the ticket's caller at a time given in UTC; the answer shows it in "
                    + "the caller's local time.",
            responses = @ApiResponse(responseCode = "201",
                    description = "The callback was planned; `Location` names it."))
    @PostMapping("/tickets/{ticketId}/callbacks")
    ResponseEntity<PlannedCallback> schedule(@PathVariable String ticketId, @Valid @RequestBody ScheduleRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        PlannedCallback planned = planner.schedule(ticketId, request.at(), request.timeZone(), Actor.from(jwt));
        return ResponseEntity.created(URI.create("/callbacks/" + planned.callback().id())).body(planned);
    }

    @Operation(summary = "List callbacks due",
            description = "Pending callbacks of the agent's offices due within `within` (ISO-8601 duration, default "
                    + "8 hours), soonest first.")
    @GetMapping("/callbacks")
    List<PlannedCallback> due(@RequestParam(defaultValue = "PT8H") Duration within, @AuthenticationPrincipal Jwt jwt) {
        return planner.due(within, Actor.from(jwt));
    }

    @Operation(summary = "Close a callback",
            description = "Marks a pending callback done or cancelled.")
    @PutMapping("/callbacks/{id}/status")
    PlannedCallback close(@PathVariable String id, @Valid @RequestBody CloseRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return planner.close(id, request.status(), Actor.from(jwt));
    }
}
