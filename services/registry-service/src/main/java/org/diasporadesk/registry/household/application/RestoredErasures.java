package org.diasporadesk.registry.household.application;

import org.diasporadesk.chassis.messaging.ErasedAgain;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.diasporadesk.events.registry.PersonKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The registry's part of the erasure ledger's replay: a person back from a backup is erased again. */
@Service
class RestoredErasures implements ErasedAgain {

    private static final Logger log = LoggerFactory.getLogger(RestoredErasures.class);

    private final MigrantRecords records;
    private final FamilyMembers familyMembers;

    RestoredErasures(MigrantRecords records, FamilyMembers familyMembers) {
        this.records = records;
        this.familyMembers = familyMembers;
    }

    @Override
    public void eraseAgain(ErasureRecorded entry) {
        boolean familyMember = PersonKind.orMigrant(entry.personKind()) == PersonKind.FAMILY_MEMBER;
        boolean back = familyMember ? familyMembers.eraseAgain(entry.householdId(), entry.migrantId())
                : records.eraseAgain(entry.householdId(), entry.migrantId());
        if (back) {
            log.warn("{} {} of household {} was back (a restored backup?) and was erased again",
                    familyMember ? "Family member" : "Migrant", entry.migrantId(), entry.householdId());
        }
    }
}
