package org.diasporadesk.outreach.recipients.web;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.outreach.recipients.application.RecipientRegister.Reach;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecipientController {

    private final RecipientRegister register;

    RecipientController(RecipientRegister register) {
        this.register = register;
    }

    /** How many consenting migrants of {@code area} outreach can reach, per preferred language. */
    @GetMapping("/recipients/reach")
    Reach reach(@RequestParam String area, @AuthenticationPrincipal Jwt jwt) {
        return register.reach(area, Actor.from(jwt));
    }
}
