package org.diasporadesk.reporting.periods.web;

import java.time.LocalDate;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.reporting.periods.application.PeriodFigures;
import org.diasporadesk.reporting.periods.application.PeriodFigures.PeriodReport;
import org.diasporadesk.reporting.periods.application.PeriodFigures.Series;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@RestController
class PeriodFiguresController {

    private final PeriodFigures figures;

    PeriodFiguresController(PeriodFigures figures) {
        this.figures = figures;
    }

    /** One period's activity ({@code 2026-10-14}, {@code 2026-W42}, {@code 2026-10}), as signed off if it was. */
    @GetMapping("/figures/periods/{period}")
    PeriodReport period(@PathVariable String period, @RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return figures.report(area, period, Actor.from(jwt));
    }

    /** The activity per day, week or month from {@code from} to {@code to}, signed-off periods as approved. */
    @GetMapping("/figures/over-time")
    Series overTime(@RequestParam String area, @RequestParam(defaultValue = "month") String interval,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Jwt jwt) {
        return figures.series(area, interval, from, to, Actor.from(jwt));
    }

    record SignOffRequest(@NotBlank String area, @NotBlank String period) {
    }

    @PostMapping("/sign-offs")
    @ResponseStatus(HttpStatus.CREATED)
    PeriodReport signOff(@Valid @RequestBody SignOffRequest request, @AuthenticationPrincipal Jwt jwt) {
        return figures.signOff(request.area(), request.period(), Actor.from(jwt));
    }
}
