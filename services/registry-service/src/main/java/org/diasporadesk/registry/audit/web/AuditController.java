package org.diasporadesk.registry.audit.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.registry.audit.application.AuditEntry;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit", description = "Who read personal data, when and why.")
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(summary = "List reads of personal data",
            description = "Reads of personal data since a moment (ISO-8601), optionally by one user; newest first. "
                    + "Entries keep the criteria of a search, never its terms.")
    @GetMapping("/audit")
    List<AuditEntry> entries(@RequestParam(required = false) String user, @RequestParam Instant since,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidFieldException("limit", "between 1 and 1000");
        }
        return trail.entries(user, since, limit);
    }
}
