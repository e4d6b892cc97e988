package org.diasporadesk.registry.household.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.events.registry.RegistryEvent;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.matching.application.DuplicateDetection;
import org.springframework.stereotype.Service;

/**
 * Merging two records of the same person, as an officer decides after seeing a possible duplicate. Both must be
 * in the officer's municipality; across offices, one office proposes and the other's supervisor approves, and the
 * approval is what merges (desks otherwise learn only that a duplicate may exist and whom to call).
 *
 * <p>Two households are two documents and there is no multi-document transaction, so the surviving record is
 * written first and the duplicate released second. Merging the same pair again is harmless, so if the second
 * write fails the officer repeats the merge and it completes; until then the person is shown twice, never lost.
 */
@Service
public class MigrantMerge {

    private final HouseholdStore store;
    private final Territory territory;
    private final DuplicateDetection duplicates;
    private final Clock clock;

    MigrantMerge(HouseholdStore store, Territory territory, DuplicateDetection duplicates, Clock clock) {
        this.store = store;
        this.territory = territory;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    /** Merges {@code duplicateMigrantId} into {@code survivorId}; returns the surviving migrant as it now stands. */
    public Migrant merge(String survivorHouseholdId, String survivorId, String duplicateHouseholdId,
            String duplicateMigrantId, String note, Actor officer) {
        return merge(survivorHouseholdId, survivorId, duplicateHouseholdId, duplicateMigrantId, note, officer.userId(),
                household -> officer.covers(household.municipalityCode(), territory));
    }

    /**
     * Merges a pair across offices that one office proposed and a supervisor of the other approved: neither holds
     * both records, and the approval stands for both offices' consent.
     */
    public Migrant mergeApproved(String survivorHouseholdId, String survivorId, String duplicateHouseholdId,
            String duplicateMigrantId, String note, String approvedBy) {
        return merge(survivorHouseholdId, survivorId, duplicateHouseholdId, duplicateMigrantId, note, approvedBy,
                household -> true);
    }

    private Migrant merge(String survivorHouseholdId, String survivorId, String duplicateHouseholdId,
            String duplicateMigrantId, String note, String mergedBy, Predicate<Household> reachable) {
        if (survivorId.equals(duplicateMigrantId)) {
            throw new InvalidFieldException("duplicateMigrantId", "a record cannot be merged with itself");
        }
        Household survivorHousehold = household(survivorHouseholdId, reachable);
        Migrant survivor = survivorHousehold.migrant(survivorId)
            .orElseThrow(() -> new NotFoundException("migrant in household " + survivorHouseholdId, survivorId));
        Household duplicateHousehold;
        try {
            duplicateHousehold = survivorHouseholdId.equals(duplicateHouseholdId) ? survivorHousehold
                    : household(duplicateHouseholdId, reachable);
        }
        catch (NotFoundException ex) {
            throw new InvalidFieldException("duplicateHouseholdId", "no household " + duplicateHouseholdId
                    + " in your municipality; a duplicate in another office is merged by calling that office");
        }
        Migrant duplicate = duplicateHousehold.migrant(duplicateMigrantId)
            .orElseThrow(() -> new InvalidFieldException("duplicateMigrantId", "household " + duplicateHouseholdId
                    + " has no migrant " + duplicateMigrantId + "; it may have been merged already"));
        Instant now = clock.instant();

        if (duplicateHousehold == survivorHousehold) {
            // One household, one document: both halves of the merge in one write.
            HouseholdChange absorbed = survivorHousehold.absorbDuplicate(survivorId, duplicate, List.of(),
                    mergedBy, note, now);
            HouseholdChange released = absorbed.household().releaseDuplicate(duplicateMigrantId, survivorHouseholdId,
                    survivorId, now);
            List<RegistryEvent> events = new ArrayList<>(absorbed.events());
            events.addAll(released.events());
            store.update(new HouseholdChange(released.household(), events));
            return reindexed(released.household(), survivor, duplicate, survivorId);
        }
        boolean lastOfItsHousehold = duplicateHousehold.migrants().size() == 1;
        List<Informant> orphaned = lastOfItsHousehold ? duplicateHousehold.informants() : List.of();
        HouseholdChange absorbed = survivorHousehold.absorbDuplicate(survivorId, duplicate, orphaned, mergedBy, note,
                now);
        store.update(absorbed);
        store.update(duplicateHousehold.releaseDuplicate(duplicateMigrantId, survivorHouseholdId, survivorId, now));
        return reindexed(absorbed.household(), survivor, duplicate, survivorId);
    }

    /** The survivor now answers to the duplicate's phones too; the duplicate answers to nothing. */
    private Migrant reindexed(Household household, Migrant before, Migrant duplicate, String survivorId) {
        Migrant after = household.migrant(survivorId).orElseThrow();
        duplicates.merged(duplicate);
        duplicates.recheck(household, before, after, store::findAll);
        return after;
    }

    private Household household(String id, Predicate<Household> reachable) {
        return store.find(id)
            .filter(found -> !found.vacated() && reachable.test(found))
            .orElseThrow(() -> new NotFoundException("household", id));
    }
}
