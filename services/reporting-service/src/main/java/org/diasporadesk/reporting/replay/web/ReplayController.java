package org.diasporadesk.reporting.replay.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.reporting.replay.ProjectionReplay;
import org.diasporadesk.reporting.replay.ReplayProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators rebuild the projections from the Kafka history and follow the progress. */
@Tag(name = "Replays", description = "Rebuilding the figures from the event log.")
@RestController
class ReplayController {

    private final ProjectionReplay replay;

    ReplayController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @Operation(summary = "Start a replay",
            description = "Rebuilds the figures from the beginning of the PII-free event topics.",
            responses = @ApiResponse(responseCode = "202", description = "The replay started; `Location` names it."))
    @PostMapping("/admin/replays")
    ResponseEntity<ReplayProgress> start() {
        ReplayProgress progress = replay.start();
        return ResponseEntity.accepted().location(URI.create("/admin/replays/" + progress.id())).body(progress);
    }

    @Operation(summary = "Follow a replay",
            description = "How far a replay has come.")
    @GetMapping("/admin/replays/{id}")
    ReplayProgress progress(@PathVariable String id) {
        return replay.progress(id).orElseThrow(() -> new NotFoundException("replay", id));
    }
}
