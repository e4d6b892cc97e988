package org.diasporadesk.chassis.messaging;

import org.diasporadesk.events.registry.ErasureRecorded;

/**
 * What a service that holds people does with an entry of the erasure ledger when it starts: erases the person again
 * if they are back (its database was restored from a backup taken before the erasure), and does nothing otherwise.
 * Must be cheap when there is nothing to do: every entry is offered at every start.
 */
public interface ErasedAgain {

    void eraseAgain(ErasureRecorded entry);
}
