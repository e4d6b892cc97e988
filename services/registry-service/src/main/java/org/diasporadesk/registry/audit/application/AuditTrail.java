package org.diasporadesk.registry.audit.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.chassis.security.Actor;
import org.springframework.stereotype.Service;

/** Records every read of personal data, and lets an administrator see who read what and why. */
@Service
public class AuditTrail {

    /** Used when the client states no purpose (header {@code X-Purpose}). */
    public static final String DEFAULT_PURPOSE = "registry work";

    private final AuditLog log;
    private final Clock clock;

    AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void recordRead(Actor reader, String action, List<String> records, String purpose) {
        log.append(new AuditEntry(UUID.randomUUID().toString(), reader.userId(), clock.instant(), action, records,
                purpose == null || purpose.isBlank() ? DEFAULT_PURPOSE : purpose.strip()));
    }

    /** Newest first. */
    public List<AuditEntry> entries(String user, Instant since, int limit) {
        return log.find(user, since, limit);
    }

    /** Who read these records and why, newest first: part of what a person is told on a request for access. */
    public List<AuditEntry> entriesAbout(Collection<String> records, int limit) {
        return log.findAbout(records, limit);
    }

    /** Where entries are kept. */
    public interface AuditLog {

        void append(AuditEntry entry);

        List<AuditEntry> find(String user, Instant since, int limit);

        List<AuditEntry> findAbout(Collection<String> records, int limit);
    }
}
