package org.diasporadesk.reporting.live.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.reporting.live.LiveFigures;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Figures")
@RestController
class LiveFiguresController {

    private final LiveFigures live;

    LiveFiguresController(LiveFigures live) {
        this.live = live;
    }

    @Operation(summary = "Follow figures live",
            description = "Server-sent events with the area's figures: first all of them, then each kind again "
                    + "whenever it changed (`migrants`, `hotline`, `outreach`; the same documents as the query "
                    + "API).")
    @GetMapping(path = "/figures/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return live.subscribe(area, Actor.from(jwt));
    }
}
