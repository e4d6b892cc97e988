package org.diasporadesk.reporting.migrants.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.reporting.migrants.application.MigrantFigures;
import org.diasporadesk.reporting.migrants.application.MigrantFigures.AreaFigures;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Figures")
@RestController
class FiguresController {

    private final MigrantFigures figures;

    FiguresController(MigrantFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "Migrant figures",
            description = "Registered migrants and households in `area` (a municipality, region or the nation) and "
                    + "below it, by destination, sex and age band.")
    @GetMapping("/figures/migrants")
    AreaFigures migrants(@RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return figures.forArea(area, Actor.from(jwt));
    }
}
