package org.diasporadesk.registry.household.domain;

import java.time.LocalDate;

/** Who collected the record, from which informant, and when: the basis of trust in the data. */
public record Provenance(String collectedBy, String informantName, LocalDate collectedOn) {
}
