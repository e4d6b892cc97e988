package org.diasporadesk.registry.household.application;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.registry.household.domain.ErasureRequest;
import org.diasporadesk.registry.household.domain.Household;
import org.springframework.stereotype.Service;

/**
 * Erasure with four eyes: an officer asks for it on the person's behalf, a supervisor of the same office who is
 * not that officer approves or refuses it, and only the approval erases. Both steps are in the audit trail.
 */
@Service
public class ErasureRequests {

    /** How many pending requests a supervisor's queue lists at once. */
    private static final int QUEUE = 200;

    private final ErasureRequestStore store;
    private final MigrantRecords records;
    private final FamilyMembers familyMembers;
    private final Territory territory;
    private final AuditTrail audit;
    private final Clock clock;

    ErasureRequests(ErasureRequestStore store, MigrantRecords records, FamilyMembers familyMembers,
            Territory territory, AuditTrail audit, Clock clock) {
        this.store = store;
        this.records = records;
        this.familyMembers = familyMembers;
        this.territory = territory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks for the migrant's erasure; a request already waiting for the same migrant is answered instead. */
    public ErasureRequest request(String householdId, String migrantId, Actor officer, String grounds) {
        Household household = records.record(householdId, migrantId, officer).household();
        return request(household, migrantId, PersonKind.MIGRANT, officer, grounds);
    }

    /** Asks for a family member's erasure, the same way. */
    public ErasureRequest requestForFamilyMember(String householdId, String familyMemberId, Actor officer,
            String grounds) {
        Household household = familyMembers.record(householdId, familyMemberId, officer).household();
        return request(household, familyMemberId, PersonKind.FAMILY_MEMBER, officer, grounds);
    }

    private ErasureRequest request(Household household, String personId, PersonKind kind, Actor officer,
            String grounds) {
        String householdId = household.id();
        return store.pendingFor(personId).orElseGet(() -> {
            ErasureRequest request = ErasureRequest.pending(UUID.randomUUID().toString(), householdId, personId, kind,
                    household.municipalityCode(), officer.userId(), grounds, clock.instant());
            store.save(request);
            audit.recordRead(officer, "requested erasure " + request.id(), List.of(householdId, personId), grounds);
            return request;
        });
    }

    /** The requests waiting in the supervisor's offices, oldest first. */
    public List<ErasureRequest> pending(Actor supervisor) {
        List<String> offices = territory.lowestLevelUnits().stream()
            .filter(code -> supervisor.covers(code, territory))
            .toList();
        return store.pending(offices, QUEUE);
    }

    /** Carries the erasure out. The officer who asked cannot approve their own request. */
    public ErasureRequest approve(String requestId, Actor supervisor) {
        ErasureRequest request = pendingIn(requestId, supervisor);
        if (PersonKind.orMigrant(request.personKind()) == PersonKind.FAMILY_MEMBER) {
            familyMembers.erase(request.householdId(), request.migrantId(), supervisor, request.grounds());
        }
        else {
            records.erase(request.householdId(), request.migrantId(), supervisor, request.grounds());
        }
        ErasureRequest approved = request.approved(supervisor.userId(), clock.instant());
        store.save(approved);
        audit.recordRead(supervisor, "approved erasure " + request.id() + " requested by " + request.requestedBy(),
                List.of(request.householdId(), request.migrantId()), request.grounds());
        return approved;
    }

    public ErasureRequest refuse(String requestId, Actor supervisor, String reason) {
        ErasureRequest refused = pendingIn(requestId, supervisor).refused(supervisor.userId(), reason, clock.instant());
        store.save(refused);
        audit.recordRead(supervisor, "refused erasure " + requestId, List.of(refused.householdId(),
                refused.migrantId()), reason);
        return refused;
    }

    private ErasureRequest pendingIn(String requestId, Actor supervisor) {
        ErasureRequest request = store.find(requestId)
            .filter(found -> supervisor.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("erasure request", requestId));
        if (request.status() != ErasureRequest.Status.PENDING) {
            throw new StateConflictException("status", "the request was " + request.status().name().toLowerCase(Locale.ROOT)
                    + " already, by " + request.decidedBy());
        }
        if (request.requestedBy().equals(supervisor.userId())) {
            throw new StateConflictException("requestedBy", "an erasure needs a second person: another supervisor of "
                    + "the office approves the request you made");
        }
        return request;
    }
}
