package org.diasporadesk.outreach.training.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.outreach.training.application.RosterView;
import org.diasporadesk.outreach.training.application.TrainingDesk;
import org.diasporadesk.outreach.training.domain.Roster;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Enrolment, waiting list and attendance of a session of a training or event (role: outreach coordinator). */
@Tag(name = "Trainings", description = "Places, waiting lists and attendance of a campaign's sessions.")
@RestController
@RequestMapping("/campaigns/{campaignId}/sessions/{sessionId}")
class TrainingController {

    private final TrainingDesk desk;

    TrainingController(TrainingDesk desk) {
        this.desk = desk;
    }

    record EnrolmentRequest(@NotBlank String migrantId) {
    }

    record EnrolmentView(String migrantId, Roster.Standing standing) {
    }

    record AttendanceRequest(@NotNull Boolean attended) {
    }

    @Operation(summary = "Enrol in a session",
            description = "A place if one is free (`ENROLLED`), else the waiting list (`WAITING`); 201 either way.",
            responses = @ApiResponse(responseCode = "201",
                    description = "Enrolled or on the waiting list, as `status` says."))
    @PostMapping("/enrolments")
    ResponseEntity<EnrolmentView> enrol(@PathVariable String campaignId, @PathVariable String sessionId,
            @Valid @RequestBody EnrolmentRequest request, @AuthenticationPrincipal Jwt jwt) {
        Roster.Standing standing = desk.enrol(campaignId, sessionId, request.migrantId(), Actor.from(jwt));
        return ResponseEntity.created(URI.create("/campaigns/" + campaignId + "/sessions/" + sessionId
                + "/enrolments/" + request.migrantId())).body(new EnrolmentView(request.migrantId(), standing));
    }

    @Operation(summary = "Withdraw from a session",
            description = "The person gives up the place or leaves the waiting list; the first waiting moves up.",
            responses = @ApiResponse(responseCode = "204", description = "Withdrawn."))
    @DeleteMapping("/enrolments/{migrantId}")
    ResponseEntity<Void> withdraw(@PathVariable String campaignId, @PathVariable String sessionId,
            @PathVariable String migrantId, @AuthenticationPrincipal Jwt jwt) {
        desk.withdraw(campaignId, sessionId, migrantId, Actor.from(jwt));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Record attendance",
            description = "Attendance of someone who held a place, from the session's start.",
            responses = @ApiResponse(responseCode = "204", description = "Recorded."))
    @PutMapping("/attendance/{migrantId}")
    ResponseEntity<Void> attendance(@PathVariable String campaignId, @PathVariable String sessionId,
            @PathVariable String migrantId, @Valid @RequestBody AttendanceRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        desk.attendance(campaignId, sessionId, migrantId, request.attended(), Actor.from(jwt));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Read a session's roster",
            description = "Who holds a place (and came) and who waits, by name, for taking attendance at the door.")
    @GetMapping
    RosterView roster(@PathVariable String campaignId, @PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt) {
        return desk.roster(campaignId, sessionId, Actor.from(jwt));
    }
}
