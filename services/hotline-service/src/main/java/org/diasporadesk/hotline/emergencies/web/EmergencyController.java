package org.diasporadesk.hotline.emergencies.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.emergencies.application.EmergencyDesk;
import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Emergencies", description = "Alerts of emergency tickets to the office's supervisors.")
@RestController
class EmergencyController {

    private final EmergencyDesk desk;
    private final AlertStream stream;

    EmergencyController(EmergencyDesk desk, AlertStream stream) {
        this.desk = desk;
        this.stream = stream;
    }

    @Operation(summary = "List emergency alerts",
            description = "The alerts of the supervisor's offices raised within `ddesk.hotline.emergencies.shown-for` "
                    + "(7 days), the newest first: the ticket, office and topic, when it must be acknowledged, who "
                    + "acknowledged it and when, and when it was escalated to the region.")
    @GetMapping("/emergencies")
    List<EmergencyAlert> board(@AuthenticationPrincipal Jwt jwt) {
        return desk.board(Actor.from(jwt));
    }

    @Operation(summary = "Acknowledge an emergency alert",
            description = "Records that the supervisor has taken the emergency on, which stops its escalation. The "
                    + "first acknowledgement stands; acknowledging again answers with who did it and when.")
    @PostMapping("/emergencies/{ticketId}/acknowledgement")
    EmergencyAlert acknowledge(@PathVariable String ticketId, @AuthenticationPrincipal Jwt jwt) {
        return desk.acknowledge(ticketId, Actor.from(jwt));
    }

    @Operation(summary = "Follow emergency alerts",
            description = "Server-sent events for the supervisors' screen: first `alerts` with the board, then `alert` "
                    + "whenever one of the supervisor's offices raises, acknowledges or escalates one.")
    @GetMapping(path = "/emergencies/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@AuthenticationPrincipal Jwt jwt) {
        return stream.subscribe(Actor.from(jwt));
    }
}
