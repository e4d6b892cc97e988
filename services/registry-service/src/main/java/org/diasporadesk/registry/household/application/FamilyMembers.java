package org.diasporadesk.registry.household.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.registry.audit.application.AuditEntry;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.diasporadesk.registry.household.domain.ConsentPurpose;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.MigrantHistoryEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeping a family member's record over its life, as {@link MigrantRecords} does a migrant's: corrections, their own
 * consent given and withdrawn, its history, a copy of everything held, and erasure once a supervisor approved it.
 * Always within the officer's municipality; another municipality's records answer like missing ones.
 */
@Service
public class FamilyMembers {

    /** The registry itself, erasing again whom the erasure ledger says it erased before. */
    private static final Actor LEDGER = new Actor("registry-service", Set.of(), null);

    /** How many reads of the person's record an export lists, newest first. */
    private static final int EXPORTED_READS = 1_000;

    private final HouseholdStore store;
    private final Territory territory;
    private final MigrantNormalizer normalizer;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FamilyMembers(HouseholdStore store, Territory territory, MigrantNormalizer normalizer, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.territory = territory;
        this.normalizer = normalizer;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A family member and the household they belong to, as just read. */
    public record FamilyMemberRecord(Household household, Informant familyMember) {
    }

    /** Records another family member of a household the officer's office keeps, with the consent they gave. */
    public FamilyMemberRecord add(String householdId, Informant details, String note, Actor officer) {
        Household household = household(householdId, officer);
        Informant member = normalizer.informant(details, UUID.randomUUID().toString());
        return written(household.addFamilyMember(member, officer.userId(), note, clock.instant()),
                member.familyMemberId());
    }

    /** Replaces the family member's details; consent is left alone. */
    public FamilyMemberRecord correct(String householdId, String familyMemberId, Informant details, String note,
            Actor officer) {
        FamilyMemberRecord current = record(householdId, familyMemberId, officer);
        Informant corrected = normalizer.informant(details, familyMemberId);
        return written(current.household().correctFamilyMember(corrected, officer.userId(), note, clock.instant()),
                familyMemberId);
    }

    /** Gives or withdraws the family member's own consent for one purpose; nobody else's changes. */
    public FamilyMemberRecord changeConsent(String householdId, String familyMemberId, ConsentPurpose purpose,
            boolean granted, String note, Actor officer) {
        FamilyMemberRecord current = record(householdId, familyMemberId, officer);
        return written(current.household().changeFamilyMemberConsent(familyMemberId, purpose, granted,
                officer.userId(), note, clock.instant()), familyMemberId);
    }

    /**
     * Another service heard the family member withdraw a consent (an outreach opt-out): recorded like an officer's
     * change, by that service. Nothing happens for someone erased meanwhile or a consent already withdrawn.
     */
    public void withdrawnElsewhere(String householdId, String familyMemberId, ConsentPurpose purpose, String service,
            String note) {
        store.find(householdId)
            .filter(household -> household.familyMember(familyMemberId).isPresent())
            .ifPresent(household -> store.update(household.changeFamilyMemberConsent(familyMemberId, purpose, false,
                    service, note, clock.instant())));
    }

    /** The family member's changes since registration, oldest first; the read is audited. */
    public List<MigrantHistoryEntry> history(String householdId, String familyMemberId, Actor officer,
            String purpose) {
        FamilyMemberRecord record = record(householdId, familyMemberId, officer);
        audit.recordRead(officer, "read family member history", List.of(householdId, familyMemberId), purpose);
        return record.household().historyOf(familyMemberId);
    }

    /**
     * Everything the registry holds about a family member, for a request for access: their entry, the household's
     * place and who collected it, its history, and who read it when and why. The migrants' data is not part of it.
     */
    public record FamilyMemberExport(Instant exportedAt, String householdId, String municipalityCode, String locality,
            Informant familyMember, List<MigrantHistoryEntry> history, List<AuditEntry> reads) {
    }

    public FamilyMemberExport export(String householdId, String familyMemberId, Actor officer, String purpose) {
        FamilyMemberRecord record = record(householdId, familyMemberId, officer);
        List<AuditEntry> reads = audit.entriesAbout(List.of(householdId, familyMemberId), EXPORTED_READS);
        audit.recordRead(officer, "exported family member record", List.of(householdId, familyMemberId), purpose);
        Household household = record.household();
        return new FamilyMemberExport(clock.instant(), household.id(), household.municipalityCode(),
                household.locality(), record.familyMember(), household.historyOf(familyMemberId), reads);
    }

    /**
     * Erases the family member here and tells the other services to erase what they hold
     * ({@link org.diasporadesk.events.registry.FamilyMemberErased}); called once a supervisor approved the request.
     * Copies elsewhere in the registry (import reports) are sought by their name and number ({@link PersonErased}).
     */
    public void erase(String householdId, String familyMemberId, Actor officer, String reason) {
        carryOut(record(householdId, familyMemberId, officer), officer, "erased family member", reason);
    }

    /** A family member the erasure ledger says was erased is back from a backup: erased again. */
    public boolean eraseAgain(String householdId, String familyMemberId) {
        Optional<FamilyMemberRecord> back = store.find(householdId)
            .flatMap(household -> household.familyMember(familyMemberId)
                .map(member -> new FamilyMemberRecord(household, member)));
        back.ifPresent(record -> carryOut(record, LEDGER, "erased family member again (back from a backup)",
                "erasure ledger"));
        return back.isPresent();
    }

    /** The record as the officer may see it: another municipality's record answers like a missing one. */
    public FamilyMemberRecord record(String householdId, String familyMemberId, Actor officer) {
        Household household = household(householdId, officer);
        Informant member = household.familyMember(familyMemberId)
            .orElseThrow(() -> new NotFoundException("family member in household " + householdId, familyMemberId));
        return new FamilyMemberRecord(household, member);
    }

    private Household household(String householdId, Actor officer) {
        return store.find(householdId)
            .filter(found -> !found.vacated() && officer.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("household", householdId));
    }

    private void carryOut(FamilyMemberRecord record, Actor actor, String action, String reason) {
        Household household = record.household();
        Informant member = record.familyMember();
        store.update(household.eraseFamilyMember(member.familyMemberId(), clock.instant()));
        audit.recordRead(actor, action, List.of(household.id(), member.familyMemberId()), reason);
        events.publishEvent(new PersonErased(household.id(), member.familyMemberId(),
                Stream.of(member.name()).filter(Objects::nonNull).toList(),
                Stream.of(member.phone()).filter(Objects::nonNull).toList(), List.of()));
    }

    private FamilyMemberRecord written(HouseholdChange change, String familyMemberId) {
        store.update(change);
        return new FamilyMemberRecord(change.household(), change.household().familyMember(familyMemberId).orElseThrow());
    }
}
