package org.diasporadesk.chassis.messaging;

/**
 * An event arrived before its predecessor in the aggregate's sequence. Retryable: the predecessor is
 * usually a moment behind; after the binding's bounded retries the event is dead-lettered for a replay.
 */
public class SequenceGapException extends RuntimeException {

    public SequenceGapException(String subject, long expected, long received) {
        super("event " + received + " of " + subject + " arrived while " + expected + " was expected next");
    }
}
