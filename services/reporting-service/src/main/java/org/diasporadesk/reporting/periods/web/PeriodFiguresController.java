package org.diasporadesk.reporting.periods.web;

import java.io.IOException;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.reporting.periods.application.PeriodFigures;
import org.diasporadesk.reporting.periods.application.PeriodFigures.PeriodReport;
import org.diasporadesk.reporting.periods.application.PeriodFigures.Series;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@Tag(name = "Periods", description = "Activity per day, week and month, and the sign-off that freezes a month.")
@RestController
class PeriodFiguresController {

    private final PeriodFigures figures;

    PeriodFiguresController(PeriodFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "Read a period's figures",
            description = "One period's activity (`2026-10-14`, `2026-W42`, `2026-10`), as signed off if it was.")
    @GetMapping("/figures/periods/{period}")
    PeriodReport period(@PathVariable String period, @RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return figures.report(area, period, Actor.from(jwt));
    }

    @Operation(summary = "Read figures over time",
            description = "The activity per day, week or month from `from` to `to`, signed-off periods as approved.")
    @GetMapping("/figures/over-time")
    Series overTime(@RequestParam String area, @RequestParam(defaultValue = "month") String interval,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Jwt jwt) {
        return figures.series(area, interval, from, to, Actor.from(jwt));
    }

    @Operation(summary = "Download figures over time",
            description = "The same series as a CSV file, one row per period and area.")
    @GetMapping("/figures/over-time.csv")
    void overTimeCsv(@RequestParam String area, @RequestParam(defaultValue = "month") String interval,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Jwt jwt, HttpServletResponse response) throws IOException {
        Series series = figures.series(area, interval, from, to, Actor.from(jwt));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("activity-" + series.area() + "-" + from + "-" + to + ".csv")
            .build()
            .toString());
        SeriesCsv.write(series, response.getWriter());
    }

    record SignOffRequest(@NotBlank String area, @NotBlank String period) {
    }

    @Operation(summary = "Sign off a month",
            description = "A planner approves a month's figures for an area; from then on they are published as "
                    + "signed off.")
    @PostMapping("/sign-offs")
    @ResponseStatus(HttpStatus.CREATED)
    PeriodReport signOff(@Valid @RequestBody SignOffRequest request, @AuthenticationPrincipal Jwt jwt) {
        return figures.signOff(request.area(), request.period(), Actor.from(jwt));
    }
}
