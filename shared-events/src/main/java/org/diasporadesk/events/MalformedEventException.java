package org.diasporadesk.events;

/**
 * A record that can never be processed: missing CloudEvents attributes, an unknown type or a payload that
 * does not match its contract. Consumers dead-letter it at once instead of retrying.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
