package org.diasporadesk.registry.household.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.registry.household.application.ErasureRequests;
import org.diasporadesk.registry.household.application.FamilyMembers;
import org.diasporadesk.registry.household.application.FamilyMembers.FamilyMemberExport;
import org.diasporadesk.registry.household.domain.ErasureRequest;
import org.diasporadesk.registry.household.domain.Informant;
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

/**
 * The family members at home, people the office serves too: record another, correct one, change their own consent,
 * read their history, export their record, ask for their erasure. The same rules as a migrant's record.
 */
@Tag(name = "Family members", description = "Family members at home: their own record, consent, history, access "
        + "and erasure.")
@RestController
@RequestMapping("/households/{householdId}/family-members")
class FamilyMemberController {

    private final FamilyMembers familyMembers;
    private final ErasureRequests erasures;

    FamilyMemberController(FamilyMembers familyMembers, ErasureRequests erasures) {
        this.familyMembers = familyMembers;
        this.erasures = erasures;
    }

    @Operation(summary = "Record another family member",
            description = "A family member at home besides the informant, with the consent they gave; their history "
                    + "starts with it.",
            responses = @ApiResponse(responseCode = "201", description = "Recorded; `Location` names them."))
    @PostMapping
    ResponseEntity<Informant> add(@PathVariable String householdId, @Valid @RequestBody FamilyMemberRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        Informant added = familyMembers.add(householdId, request.details(), request.note(), Actor.from(jwt))
            .familyMember();
        return ResponseEntity.status(201)
            .header(HttpHeaders.LOCATION, "/households/" + householdId + "/family-members/" + added.familyMemberId())
            .body(added);
    }

    @Operation(summary = "Correct a family member's record",
            description = "Corrects the family member's details; the previous values stay in their history.")
    @PutMapping("/{familyMemberId}")
    Informant correct(@PathVariable String householdId, @PathVariable String familyMemberId,
            @Valid @RequestBody FamilyMemberRequest request, @AuthenticationPrincipal Jwt jwt) {
        return familyMembers.correct(householdId, familyMemberId, request.details(), request.note(), Actor.from(jwt))
            .familyMember();
    }

    @Operation(summary = "Give or withdraw a family member's consent for a purpose",
            description = "Their own consent per purpose (hotline contact, outreach messages, statistics); the "
                    + "migrants' and other family members' stay as they are.")
    @PutMapping("/{familyMemberId}/consent/{purpose}")
    Informant changeConsent(@PathVariable String householdId, @PathVariable String familyMemberId,
            @PathVariable String purpose, @Valid @RequestBody MigrantRecordController.ConsentRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return familyMembers.changeConsent(householdId, familyMemberId, MigrantRecordController.purposeOf(purpose),
                request.granted(), request.note(), Actor.from(jwt)).familyMember();
    }

    @Operation(summary = "Read a family member's history", description = "Every change of the record, oldest first.")
    @GetMapping("/{familyMemberId}/history")
    List<MigrantHistoryEntry> history(@PathVariable String householdId, @PathVariable String familyMemberId,
            @RequestHeader(name = "X-Purpose", required = false) String purpose, @AuthenticationPrincipal Jwt jwt) {
        return familyMembers.history(householdId, familyMemberId, Actor.from(jwt), purpose);
    }

    @Operation(summary = "Export a family member's record",
            description = "Everything the registry holds about the family member, as a JSON file to hand over "
                    + "(right of access).")
    @GetMapping("/{familyMemberId}/export")
    ResponseEntity<FamilyMemberExport> export(@PathVariable String householdId, @PathVariable String familyMemberId,
            @RequestHeader(name = "X-Purpose", required = false) String purpose, @AuthenticationPrincipal Jwt jwt) {
        FamilyMemberExport export = familyMembers.export(householdId, familyMemberId, Actor.from(jwt), purpose);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"family-member-" + familyMemberId
                    + ".json\"")
            .body(export);
    }

    @Operation(summary = "Ask for a family member's erasure",
            description = "Erasure at the person's request; `X-Purpose` records on what grounds. A supervisor of the "
                    + "office approves it (`/erasure-requests`); nothing is erased before.",
            responses = @ApiResponse(responseCode = "202",
                    description = "Asked: the request awaits a supervisor; `Location` names it."))
    @DeleteMapping("/{familyMemberId}")
    ResponseEntity<ErasureRequest> erase(@PathVariable String householdId, @PathVariable String familyMemberId,
            @RequestHeader(name = "X-Purpose", required = false) String reason, @AuthenticationPrincipal Jwt jwt) {
        ErasureRequest request = erasures.requestForFamilyMember(householdId, familyMemberId, Actor.from(jwt), reason);
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/erasure-requests/" + request.id())
            .body(request);
    }
}
