package org.diasporadesk.reporting.outreach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.reporting.outreach.application.OutreachFigures;
import org.diasporadesk.reporting.outreach.application.OutreachFigures.AreaFigures;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Figures")
@RestController
class OutreachFiguresController {

    private final OutreachFigures figures;

    OutreachFiguresController(OutreachFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "Outreach figures",
            description = "Outreach to people whose home is in `area`, and the training sessions run there.")
    @GetMapping("/figures/outreach")
    AreaFigures outreach(@RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return figures.forArea(area, Actor.from(jwt));
    }
}
