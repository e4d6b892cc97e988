package org.diasporadesk.registry.audit.application;

import java.time.Instant;
import java.util.List;

/**
 * One read of personal data: who read, when, what (the action and the records it returned) and why.
 *
 * @param records ids of the households or migrants the reader was shown
 */
public record AuditEntry(String id, String user, Instant at, String action, List<String> records, String purpose) {

    public AuditEntry {
        records = List.copyOf(records);
    }
}
