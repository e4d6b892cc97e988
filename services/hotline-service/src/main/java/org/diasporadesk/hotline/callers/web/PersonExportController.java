package org.diasporadesk.hotline.callers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.callers.application.PersonExport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's request for access: what the hotline holds about a registered migrant. */
@Tag(name = "Right of access", description = "What the service holds about a person, to hand over.")
@RestController
class PersonExportController {

    private final PersonExport exports;

    PersonExportController(PersonExport exports) {
        this.exports = exports;
    }

    @Operation(summary = "Export what this service holds about a migrant",
            description = "Everything this service holds about the person, as a JSON file to hand over (right of "
                    + "access).")
    @GetMapping("/households/{householdId}/migrants/{migrantId}/export")
    PersonExport.Export export(@PathVariable String householdId, @PathVariable String migrantId,
            @AuthenticationPrincipal Jwt jwt) {
        return exports.of(householdId, migrantId, Actor.from(jwt));
    }
}
