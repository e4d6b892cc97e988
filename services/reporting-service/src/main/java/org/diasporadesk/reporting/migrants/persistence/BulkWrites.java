package org.diasporadesk.reporting.migrants.persistence;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;

/** Unordered bulk writes of guarded upserts, where a refused upsert means "already held" rather than a failure. */
final class BulkWrites {

    /** What the unique {@code _id} index answers when a guarded upsert finds the document already up to date. */
    private static final int DUPLICATE_KEY = 11000;

    private BulkWrites() {
    }

    /**
     * Executes the upserts, each guarded by a condition that only an out-of-date document matches: one whose guard
     * does not match is refused by the {@code _id} index, leaving the held document alone, as intended. Any other
     * error is thrown.
     */
    static void executeSkippingHeld(BulkOperations bulk) {
        try {
            bulk.execute();
        }
        catch (BulkOperationException ex) {
            if (!ex.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw ex;
            }
        }
    }
}
