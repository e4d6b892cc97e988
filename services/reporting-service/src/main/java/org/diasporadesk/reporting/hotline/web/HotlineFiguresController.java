package org.diasporadesk.reporting.hotline.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.reporting.hotline.application.HotlineFigures;
import org.diasporadesk.reporting.hotline.application.HotlineFigures.AreaFigures;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Figures", description = "Aggregated, disclosure-controlled figures for planners.")
@RestController
class HotlineFiguresController {

    private final HotlineFigures figures;

    HotlineFiguresController(HotlineFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "Hotline figures",
            description = "Hotline tickets in `area` (a municipality, region or the nation) and below it.")
    @GetMapping("/figures/hotline")
    AreaFigures hotline(@RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return figures.forArea(area, Actor.from(jwt));
    }
}
