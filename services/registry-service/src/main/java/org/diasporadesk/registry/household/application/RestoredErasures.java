package org.diasporadesk.registry.household.application;

import org.diasporadesk.chassis.messaging.ErasedAgain;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The registry's part of the erasure ledger's replay: a migrant back from a backup is erased again. */
@Service
class RestoredErasures implements ErasedAgain {

    private static final Logger log = LoggerFactory.getLogger(RestoredErasures.class);

    private final MigrantRecords records;

    RestoredErasures(MigrantRecords records) {
        this.records = records;
    }

    @Override
    public void eraseAgain(ErasureRecorded entry) {
        if (records.eraseAgain(entry.householdId(), entry.migrantId())) {
            log.warn("Migrant {} of household {} was back (a restored backup?) and was erased again",
                    entry.migrantId(), entry.householdId());
        }
    }
}
