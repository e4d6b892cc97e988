package org.diasporadesk.outreach.people.web;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.outreach.people.application.PersonExport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's request for access: what outreach holds about a registered migrant. */
@RestController
class PersonExportController {

    private final PersonExport exports;

    PersonExportController(PersonExport exports) {
        this.exports = exports;
    }

    @GetMapping("/migrants/{migrantId}/export")
    PersonExport.Export export(@PathVariable String migrantId, @AuthenticationPrincipal Jwt jwt) {
        return exports.of(migrantId, Actor.from(jwt));
    }
}
