package org.diasporadesk.registry.household.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.registry.household.application.HouseholdRegistration;
import org.diasporadesk.registry.household.application.HouseholdRegistration.Registration;
import org.diasporadesk.registry.household.matching.application.PossibleDuplicate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Households", description = "A family at home and the migrants who left it, as the family reports them.")
@RestController
@RequestMapping("/households")
class HouseholdController {

    private final HouseholdRegistration registration;

    HouseholdController(HouseholdRegistration registration) {
        this.registration = registration;
    }

    @Operation(summary = "Register a household",
            description = "Registers a household with its informants and migrants. Phones in any format are stored "
                    + "as E.164; a number outside the ranges in use is kept and named under `warnings`.",
            responses = @ApiResponse(responseCode = "201", description = "Registered; `Location` names the household."))
    @PostMapping
    ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegisterHouseholdRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.from(jwt);
        Registration result = registration.register(request.toCommand(actor.userId()), actor);
        return ResponseEntity.created(URI.create("/households/" + result.household().id()))
            .body(new RegistrationResponse(HouseholdRepresentation.of(result.household()), result.possibleDuplicates(),
                    result.warnings()));
    }

    /** The household as registered, with {@code possibleDuplicates} and {@code warnings} beside its fields. */
    record RegistrationResponse(@JsonUnwrapped HouseholdRepresentation household, List<PossibleDuplicate> possibleDuplicates,
            List<HouseholdRegistration.FieldWarning> warnings) {
    }

    @Operation(summary = "Read a household",
            description = "The household with its informants and migrants.")
    @GetMapping("/{id}")
    HouseholdRepresentation get(@PathVariable String id,
            @RequestHeader(name = "X-Purpose", required = false) String purpose, @AuthenticationPrincipal Jwt jwt) {
        return HouseholdRepresentation.of(registration.find(id, Actor.from(jwt), purpose));
    }
}
