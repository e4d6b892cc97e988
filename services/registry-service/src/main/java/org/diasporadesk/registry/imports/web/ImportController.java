package org.diasporadesk.registry.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.registry.imports.application.BulkImport;
import org.diasporadesk.registry.imports.application.ImportJob;
import org.diasporadesk.registry.imports.domain.RowError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Tag(name = "Imports", description = "Uploading an office's spreadsheet of households and migrants.")
@RestController
@RequestMapping("/imports")
class ImportController {

    private static final long PROGRESS_INTERVAL_MS = 500;

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BulkImport imports;
    private final Clock clock;
    private final ScheduledExecutorService progressTicker = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "import-progress"));

    ImportController(BulkImport imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    @Operation(summary = "Upload a file to import",
            description = "A CSV file as the request body (`Content-Type: text/csv`, with `charset=` if the client "
                    + "knows it; UTF-8, UTF-16, Windows-1251/1252 and ISO-8859-1 are recognised, and comma, "
                    + "semicolon or tab), or an Excel workbook (.xlsx). Answers 202 with the job at once; a file "
                    + "that cannot be read is refused with a 400 that says how to save it again.",
            responses = @ApiResponse(responseCode = "202",
                    description = "The import started; `Location` names the job to follow."))
    @PostMapping(consumes = { "text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE })
    ResponseEntity<ImportProgress> start(InputStream body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType,
            @AuthenticationPrincipal Jwt jwt) {
        ImportJob job = imports.start(body, contentType == null ? null : contentType.getCharset(), Actor.from(jwt));
        return ResponseEntity.accepted().location(URI.create("/imports/" + job.id()))
            .body(ImportProgress.of(job, clock.instant()));
    }

    @Operation(summary = "Read an import job",
            description = "The job's state and its counts of rows imported, rejected and flagged.")
    @GetMapping("/{id}")
    ImportProgress job(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return ImportProgress.of(imports.job(id, Actor.from(jwt)), clock.instant());
    }

    @Operation(summary = "Follow an import",
            description = "Server-sent events: the job's progress every half second until it has finished.")
    @GetMapping(path = "/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Actor reader = Actor.from(jwt);
        imports.job(id, reader);
        SseEmitter emitter = new SseEmitter(0L);
        AtomicReference<ScheduledFuture<?>> ticking = new AtomicReference<>();
        ticking.set(progressTicker.scheduleAtFixedRate(() -> {
            try {
                ImportJob job = imports.job(id, reader);
                emitter.send(SseEmitter.event().name("progress").data(ImportProgress.of(job, clock.instant())));
                if (job.finished()) {
                    emitter.complete();
                    ticking.get().cancel(false);
                }
            }
            catch (IOException | RuntimeException clientGone) {
                emitter.completeWithError(clientGone);
                ticking.get().cancel(false);
            }
        }, 0, PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS));
        return emitter;
    }

    @Operation(summary = "Download the rejected rows",
            description = "The rejected rows as CSV: line, column, value, reason.")
    @GetMapping(path = "/{id}/errors", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> errors(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return report("import-" + id + "-errors.csv", imports.errors(id, Actor.from(jwt)));
    }

    @Operation(summary = "Download the warnings",
            description = "The doubts about imported rows, to check with the families, as CSV: line, column, value, "
                    + "reason.")
    @GetMapping(path = "/{id}/warnings", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> warnings(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return report("import-" + id + "-warnings.csv", imports.warnings(id, Actor.from(jwt)));
    }

    private static ResponseEntity<StreamingResponseBody> report(String filename, Iterable<RowError> rows) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("line", "column", "value", "reason").get())) {
                for (RowError row : rows) {
                    printer.printRecord(row.line(), row.column(), row.value(), row.reason());
                }
            }
        };
        return ResponseEntity.ok()
            .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
            .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
            .body(body);
    }

    @PreDestroy
    void stopTicking() {
        progressTicker.shutdownNow();
    }
}
