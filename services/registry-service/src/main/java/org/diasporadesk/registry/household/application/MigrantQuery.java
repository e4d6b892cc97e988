package org.diasporadesk.registry.household.application;

import java.util.List;

import org.diasporadesk.events.registry.LifecycleStage;

/**
 * What the registry is searched by, already normalised: folded name tokens, an E.164 phone, the
 * municipalities the reader may see. Null fields do not filter.
 */
public record MigrantQuery(List<String> municipalities, List<String> nameTokens, String phone,
        String destinationCountry, LifecycleStage lifecycleStage) {

    public MigrantQuery {
        municipalities = List.copyOf(municipalities);
        nameTokens = nameTokens == null ? List.of() : List.copyOf(nameTokens);
    }
}
