package org.diasporadesk.reporting.disclosure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The policy's parameters, for a reader of the figures and the dashboard's legend. */
@Tag(name = "Disclosure control", description = "How figures are protected before they are published.")
@RestController
class DisclosureController {

    private final DisclosurePolicy policy;

    DisclosureController(DisclosurePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param minimumCount the smallest count published (k)
     * @param roundingBase every shown count is a multiple of it (1: not rounded)
     * @param rareBelow      a destination that municipalities have fewer migrants in on average is shown for a
     *                       municipality only among other countries (0: never)
     */
    record Parameters(int minimumCount, int roundingBase, long rareBelow) {
    }

    @Operation(summary = "Read the disclosure rules",
            description = "The parameters of disclosure control (the smallest count published, the rounding base, "
                    + "the threshold below which a category is grouped) and how to read a withheld or grouped "
                    + "figure.")
    @GetMapping("/figures/disclosure")
    Parameters parameters() {
        return new Parameters(policy.minimumCount(), policy.roundingBase(), policy.rareBelow());
    }
}
