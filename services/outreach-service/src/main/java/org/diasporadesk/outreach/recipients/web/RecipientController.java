package org.diasporadesk.outreach.recipients.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.outreach.recipients.application.RecipientRegister.Reach;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Recipients", description = "The people outreach can reach and their choice to receive messages.")
@RestController
class RecipientController {

    private final RecipientRegister register;

    RecipientController(RecipientRegister register) {
        this.register = register;
    }

    /** {@code how}: how the person said so ("replied STOP by SMS"). */
    record OptOutRequest(@Size(max = 200) String how) {
    }

    @Operation(summary = "Opt a migrant out of outreach",
            description = "The migrant asked, through the office, for no more outreach messages; their outreach "
                    + "consent is withdrawn in the registry. Answered with 204.",
            responses = @ApiResponse(responseCode = "204", description = "Opted out."))
    @PostMapping("/recipients/{migrantId}/opt-out")
    ResponseEntity<Void> optOut(@PathVariable String migrantId, @Valid @RequestBody(required = false) OptOutRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        register.optOut(migrantId, request == null ? null : request.how(), Actor.from(jwt));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Count reachable recipients",
            description = "How many consenting migrants of `area` outreach can reach, per preferred language.")
    @GetMapping("/recipients/reach")
    Reach reach(@RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return register.reach(area, Actor.from(jwt));
    }
}
