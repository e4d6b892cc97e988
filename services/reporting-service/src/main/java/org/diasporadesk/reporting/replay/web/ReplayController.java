package org.diasporadesk.reporting.replay.web;

import java.net.URI;

import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.reporting.replay.ProjectionReplay;
import org.diasporadesk.reporting.replay.ReplayProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators rebuild the projections from the Kafka history and follow the progress. */
@RestController
class ReplayController {

    private final ProjectionReplay replay;

    ReplayController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/admin/replays")
    ResponseEntity<ReplayProgress> start() {
        ReplayProgress progress = replay.start();
        return ResponseEntity.accepted().location(URI.create("/admin/replays/" + progress.id())).body(progress);
    }

    @GetMapping("/admin/replays/{id}")
    ReplayProgress progress(@PathVariable String id) {
        return replay.progress(id).orElseThrow(() -> new NotFoundException("replay", id));
    }
}
