package org.diasporadesk.registry.household.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.registry.household.application.MigrantSearch;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Migrants", description = "Finding migrants across scripts and phone formats.")
@RestController
class MigrantController {

    private final MigrantSearch search;

    MigrantController(MigrantSearch search) {
        this.search = search;
    }

    @Operation(summary = "Search migrants",
            description = "Migrants of the reader's area, paged, filtered by name (any script or transliteration), "
                    + "phone (any format), destination country, lifecycle stage and municipality. `X-Purpose` says "
                    + "why, for the audit trail.")
    @GetMapping("/migrants")
    MigrantSearch.Page search(@RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String destinationCountry,
            @RequestParam(required = false) LifecycleStage lifecycleStage,
            @RequestParam(required = false) String municipality,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestHeader(name = "X-Purpose", required = false) String purpose,
            @AuthenticationPrincipal Jwt jwt) {
        return search.search(new MigrantSearch.Request(name, phone, destinationCountry, lifecycleStage, municipality,
                page, size), Actor.from(jwt), purpose);
    }
}
