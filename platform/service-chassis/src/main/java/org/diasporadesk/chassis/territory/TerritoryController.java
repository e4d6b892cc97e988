package org.diasporadesk.chassis.territory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The territorial hierarchy every service uses: for pickers in clients, and to look up a code. */
@RestController
public class TerritoryController {

    private final Territory territory;

    public TerritoryController(Territory territory) {
        this.territory = territory;
    }

    public record TerritoryView(String country, String version, List<TerritorialUnit> units) {
    }

    @GetMapping("/territory")
    public TerritoryView territory() {
        return new TerritoryView(territory.country(), territory.version(), territory.units());
    }
}
