package org.diasporadesk.outreach.recipients.application;

import org.diasporadesk.chassis.messaging.ErasedAgain;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.springframework.stereotype.Component;

/** Outreach's part of the erasure ledger's replay: a recipient back from a backup is forgotten again. */
@Component
class RestoredErasures implements ErasedAgain {

    private final RecipientRegister recipients;

    RestoredErasures(RecipientRegister recipients) {
        this.recipients = recipients;
    }

    @Override
    public void eraseAgain(ErasureRecorded entry) {
        recipients.forgetAgain(entry.migrantId());
    }
}
