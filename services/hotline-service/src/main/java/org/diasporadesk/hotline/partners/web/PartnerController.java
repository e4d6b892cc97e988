package org.diasporadesk.hotline.partners.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.hotline.partners.application.Partner;
import org.diasporadesk.hotline.partners.application.PartnerList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Partners", description = "Organisations tickets are referred to (consulates, NGOs, employment services).")
@RestController
@RequestMapping("/partners")
class PartnerController {

    private final PartnerList partners;

    PartnerController(PartnerList partners) {
        this.partners = partners;
    }

    record NewPartnerRequest(@NotBlank @Size(max = 200) String name, @NotNull Partner.Kind kind,
            @Size(max = 2) String country, @Size(max = 500) String contact) {
    }

    record ActiveRequest(@NotNull Boolean active) {
    }

    @Operation(summary = "List partner organisations",
            description = "The partners tickets can be referred to, active ones first.")
    @GetMapping
    List<Partner> all() {
        return partners.all();
    }

    @Operation(summary = "Add a partner organisation",
            description = "Registers an organisation that tickets can then be referred to.",
            responses = @ApiResponse(responseCode = "201", description = "The partner was added; `Location` names it."))
    @PostMapping
    ResponseEntity<Partner> add(@Valid @RequestBody NewPartnerRequest request) {
        Partner partner = partners.add(request.name(), request.kind(), request.country(), request.contact());
        return ResponseEntity.created(URI.create("/partners/" + partner.id())).body(partner);
    }

    @Operation(summary = "Activate or deactivate a partner",
            description = "An inactive partner keeps its past referrals but receives no new ones.")
    @PutMapping("/{id}/active")
    Partner setActive(@PathVariable String id, @Valid @RequestBody ActiveRequest request) {
        return partners.setActive(id, request.active());
    }
}
