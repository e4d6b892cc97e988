package org.diasporadesk.registry.household.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.registry.audit.application.AuditEntry;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.diasporadesk.registry.household.domain.ConsentPurpose;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.domain.MigrantHistoryEntry;
import org.diasporadesk.registry.household.domain.Provenance;
import org.diasporadesk.registry.household.matching.application.DuplicateDetection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeping one migrant's record over its life: corrections, consent given and withdrawn, its history, a copy of
 * everything held (right of access) and erasure (right to be forgotten). Always within the officer's
 * municipality; another municipality's records answer like missing ones.
 */
@Service
public class MigrantRecords {

    /** The registry itself, erasing again whom the erasure ledger says it erased before. */
    private static final Actor LEDGER = new Actor("registry-service", Set.of(), null);

    /** How many reads of the person's record an export lists, newest first. */
    private static final int EXPORTED_READS = 1_000;

    private final HouseholdStore store;
    private final Territory territory;
    private final MigrantNormalizer normalizer;
    private final DuplicateDetection duplicates;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MigrantRecords(HouseholdStore store, Territory territory, MigrantNormalizer normalizer,
            DuplicateDetection duplicates, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.territory = territory;
        this.normalizer = normalizer;
        this.duplicates = duplicates;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A migrant and the household they belong to, as just read. */
    public record MigrantRecord(Household household, Migrant migrant) {
    }

    /** Replaces the migrant's details; consent is left alone. Returns the record as it now stands. */
    public MigrantRecord correct(String householdId, String migrantId, RegisterHousehold.NewMigrant details,
            String note, Actor officer) {
        MigrantRecord current = read(householdId, migrantId, officer);
        // The body is the migrant itself, so the normaliser's field names (phones[0]) are the client's.
        Migrant corrected = normalizer.migrant(details, migrantId);
        HouseholdChange change = current.household().correctMigrant(corrected, officer.userId(), note, clock.instant());
        store.update(change);
        Migrant after = change.household().migrant(migrantId).orElseThrow();
        if (!change.events().isEmpty()) {
            duplicates.recheck(change.household(), current.migrant(), after, store::findAll);
        }
        return new MigrantRecord(change.household(), after);
    }

    /** Gives or withdraws consent for one purpose; {@code note} says who said so and how. */
    public MigrantRecord changeConsent(String householdId, String migrantId, ConsentPurpose purpose, boolean granted,
            String note, Actor officer) {
        MigrantRecord current = read(householdId, migrantId, officer);
        HouseholdChange change = current.household()
            .changeConsent(migrantId, purpose, granted, officer.userId(), note, clock.instant());
        store.update(change);
        return new MigrantRecord(change.household(), change.household().migrant(migrantId).orElseThrow());
    }

    /**
     * Another service heard the person withdraw a consent (an outreach opt-out): recorded like an officer's
     * change, by that service. Nothing happens for a record erased or merged meanwhile, or a consent already
     * withdrawn, so a redelivered request changes nothing.
     */
    public void withdrawnElsewhere(String householdId, String migrantId, ConsentPurpose purpose, String service,
            String note) {
        store.find(householdId)
            .filter(household -> household.migrant(migrantId).isPresent())
            .ifPresent(household -> store.update(household.changeConsent(migrantId, purpose, false, service, note,
                    clock.instant())));
    }

    /** The migrant's changes since registration, oldest first. The old values are personal data: the read is audited. */
    public List<MigrantHistoryEntry> history(String householdId, String migrantId, Actor officer, String purpose) {
        MigrantRecord record = read(householdId, migrantId, officer);
        audit.recordRead(officer, "read migrant history", List.of(householdId, migrantId), purpose);
        return record.household().historyOf(migrantId);
    }

    /**
     * Everything the registry holds about a person, for a request for access: the record, where it came from,
     * its history, and who read it when and why. Other family members' data is not part of it.
     */
    public record MigrantExport(Instant exportedAt, String householdId, String municipalityCode, String locality,
            Provenance source, Migrant migrant, List<MigrantHistoryEntry> history, List<AuditEntry> reads) {
    }

    public MigrantExport export(String householdId, String migrantId, Actor officer, String purpose) {
        MigrantRecord record = read(householdId, migrantId, officer);
        // Read before this export is recorded, so the list shows the reads that came before the request.
        List<AuditEntry> reads = audit.entriesAbout(List.of(householdId, migrantId), EXPORTED_READS);
        audit.recordRead(officer, "exported migrant record", List.of(householdId, migrantId), purpose);
        Household household = record.household();
        return new MigrantExport(clock.instant(), household.id(), household.municipalityCode(), household.locality(),
                household.provenance(), record.migrant(), household.historyOf(migrantId), reads);
    }

    /**
     * Erases the migrant's personal data here and tells the other services to erase theirs; called once a
     * supervisor approved the officer's request ({@link ErasureRequests}). The match keys go first: if the write
     * then fails, the person is at worst missed as a duplicate, never found by one. Copies
     * elsewhere in the registry are then sought by what identifies the person ({@link PersonErased}); when the
     * household goes with its last migrant, by what identifies its informants too.
     */
    public void erase(String householdId, String migrantId, Actor officer, String reason) {
        carryOut(read(householdId, migrantId, officer), officer, "erased migrant", reason);
    }

    /**
     * A migrant the erasure ledger says was erased is in the store again (restored from a backup taken before the
     * erasure): erased again, the same way, and recorded in the audit trail as the registry's own act.
     *
     * @return whether there was anyone to erase
     */
    public boolean eraseAgain(String householdId, String migrantId) {
        Optional<MigrantRecord> back = store.find(householdId)
            .flatMap(household -> household.migrant(migrantId).map(migrant -> new MigrantRecord(household, migrant)));
        back.ifPresent(record -> carryOut(record, LEDGER, "erased migrant again (back from a backup)",
                "erasure ledger"));
        return back.isPresent();
    }

    private void carryOut(MigrantRecord record, Actor actor, String action, String reason) {
        Household household = record.household();
        String migrantId = record.migrant().migrantId();
        duplicates.forget(record.migrant());
        HouseholdChange erasure = household.eraseMigrant(migrantId, clock.instant());
        store.update(erasure);
        audit.recordRead(actor, action, List.of(household.id(), migrantId), reason);
        events.publishEvent(erased(record, erasure.household().vacated()));
    }

    private static PersonErased erased(MigrantRecord record, boolean householdGone) {
        Migrant migrant = record.migrant();
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>(migrant.phones());
        names.add(join(migrant.givenName(), migrant.familyName()));
        names.add(migrant.nameLatin());
        if (householdGone) {
            for (Informant informant : record.household().informants()) {
                names.add(informant.name());
                phones.add(informant.phone());
            }
        }
        return new PersonErased(record.household().id(), migrant.migrantId(),
                names.stream().filter(name -> name != null && !name.isBlank()).toList(),
                phones.stream().filter(Objects::nonNull).toList(),
                migrant.email() == null ? List.of() : List.of(migrant.email()));
    }

    private static String join(String givenName, String familyName) {
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
    }

    /** The record as the officer may see it: another municipality's record answers like a missing one. */
    public MigrantRecord record(String householdId, String migrantId, Actor officer) {
        return read(householdId, migrantId, officer);
    }

    private MigrantRecord read(String householdId, String migrantId, Actor officer) {
        Household household = store.find(householdId)
            .filter(found -> !found.vacated() && officer.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("household", householdId));
        Migrant migrant = household.migrant(migrantId)
            .orElseThrow(() -> new NotFoundException("migrant in household " + householdId, migrantId));
        return new MigrantRecord(household, migrant);
    }
}
