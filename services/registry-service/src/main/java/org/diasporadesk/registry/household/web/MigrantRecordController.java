package org.diasporadesk.registry.household.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.registry.household.application.ErasureRequests;
import org.diasporadesk.registry.household.application.MigrantMerge;
import org.diasporadesk.registry.household.application.MigrantRecords;
import org.diasporadesk.registry.household.application.MigrantRecords.MigrantExport;
import org.diasporadesk.registry.household.domain.ConsentPurpose;
import org.diasporadesk.registry.household.domain.ErasureRequest;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.domain.MigrantHistoryEntry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One migrant's record: correct it, change consent, read its history, export it, merge a duplicate into it, erase it. */
@Tag(name = "Migrant records", description = "One migrant's record: corrections, consent, history, access, merges "
        + "and erasure.")
@RestController
@RequestMapping("/households/{householdId}/migrants/{migrantId}")
class MigrantRecordController {

    private final MigrantRecords records;
    private final MigrantMerge merge;
    private final ErasureRequests erasures;

    MigrantRecordController(MigrantRecords records, MigrantMerge merge, ErasureRequests erasures) {
        this.records = records;
        this.merge = merge;
        this.erasures = erasures;
    }

    @Operation(summary = "Correct a migrant's record",
            description = "Corrects the migrant's details; the previous values stay in the history.")
    @PutMapping
    Migrant correct(@PathVariable String householdId, @PathVariable String migrantId,
            @Valid @RequestBody CorrectMigrantRequest request, @AuthenticationPrincipal Jwt jwt) {
        return records.correct(householdId, migrantId, request.details(), request.note(), Actor.from(jwt)).migrant();
    }

    /** PUT …/consent/outreach {@code {"granted": false, "note": "asked by phone"}} withdraws consent to outreach. */
    record ConsentRequest(@NotNull Boolean granted, @Size(max = 500) String note) {
    }

    @Operation(summary = "Give or withdraw consent for a purpose",
            description = "Consent per purpose (hotline contact, outreach messages, statistics), with when and how "
                    + "it was given or withdrawn.")
    @PutMapping("/consent/{purpose}")
    Migrant changeConsent(@PathVariable String householdId, @PathVariable String migrantId,
            @PathVariable String purpose, @Valid @RequestBody ConsentRequest request, @AuthenticationPrincipal Jwt jwt) {
        return records.changeConsent(householdId, migrantId, purposeOf(purpose), request.granted(), request.note(),
                Actor.from(jwt)).migrant();
    }

    @Operation(summary = "Read a migrant's history",
            description = "Every change of the record, oldest first.")
    @GetMapping("/history")
    List<MigrantHistoryEntry> history(@PathVariable String householdId, @PathVariable String migrantId,
            @RequestHeader(name = "X-Purpose", required = false) String purpose, @AuthenticationPrincipal Jwt jwt) {
        return records.history(householdId, migrantId, Actor.from(jwt), purpose);
    }

    @Operation(summary = "Export a migrant's record",
            description = "Everything the registry holds about the person, as a JSON file to hand over (right of "
                    + "access).")
    @GetMapping("/export")
    ResponseEntity<MigrantExport> export(@PathVariable String householdId, @PathVariable String migrantId,
            @RequestHeader(name = "X-Purpose", required = false) String purpose, @AuthenticationPrincipal Jwt jwt) {
        MigrantExport export = records.export(householdId, migrantId, Actor.from(jwt), purpose);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"migrant-" + migrantId + ".json\"")
            .body(export);
    }

    /** The record of the same person to merge into this one, as a possible duplicate named it. */
    record MergeRequest(@NotBlank String duplicateHouseholdId, @NotBlank String duplicateMigrantId,
            @Size(max = 500) String note) {
    }

    @Operation(summary = "Merge a duplicate into this record",
            description = "Merges a duplicate record of the same person into this one, which survives: the "
                    + "duplicate's phones, e-mail and (if its household is left empty) informants join this record; "
                    + "consent stays only where both records had it. Answers the surviving migrant.")
    @PostMapping("/merge")
    Migrant merge(@PathVariable String householdId, @PathVariable String migrantId,
            @Valid @RequestBody MergeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return merge.merge(householdId, migrantId, request.duplicateHouseholdId(), request.duplicateMigrantId(),
                request.note(), Actor.from(jwt));
    }

    @Operation(summary = "Ask for a migrant's erasure",
            description = "Erasure at the person's request; `X-Purpose` records on what grounds. Answered with the "
                    + "request that a supervisor of the office approves (`/erasure-requests`); nothing is erased "
                    + "before.",
            responses = @ApiResponse(responseCode = "202",
                    description = "Asked: the request awaits a supervisor; `Location` names it."))
    @DeleteMapping
    ResponseEntity<ErasureRequest> erase(@PathVariable String householdId, @PathVariable String migrantId,
            @RequestHeader(name = "X-Purpose", required = false) String reason, @AuthenticationPrincipal Jwt jwt) {
        ErasureRequest request = erasures.request(householdId, migrantId, Actor.from(jwt), reason);
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/erasure-requests/" + request.id())
            .body(request);
    }

    static ConsentPurpose purposeOf(String purpose) {
        try {
            return ConsentPurpose.valueOf(purpose.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("purpose", "'" + purpose + "' is not a consent purpose; "
                    + "use hotline, outreach or statistics");
        }
    }
}
