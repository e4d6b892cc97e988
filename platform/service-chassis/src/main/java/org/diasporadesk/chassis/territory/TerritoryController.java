package org.diasporadesk.chassis.territory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The territorial hierarchy every service uses: for pickers in clients, and to look up a code. */
@Tag(name = "Territory", description = "The territorial units (country, regions, municipalities) that records and "
        + "figures belong to.")
@RestController
public class TerritoryController {

    private final Territory territory;

    public TerritoryController(Territory territory) {
        this.territory = territory;
    }

    public record TerritoryView(String country, String version, List<TerritorialUnit> units) {
    }

    @Operation(summary = "List the territorial units",
            description = "The country, its regions and municipalities with their codes, as the other operations "
                    + "name them.")
    @GetMapping("/territory")
    public TerritoryView territory() {
        return new TerritoryView(territory.country(), territory.version(), territory.units());
    }
}
