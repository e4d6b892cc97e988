package org.diasporadesk.chassis.web;

/**
 * A request that is well formed but not possible in the record's present state (resolving a closed ticket,
 * say): answered with 409, naming the field and saying what is possible instead.
 */
public class StateConflictException extends RuntimeException {

    private final String field;

    public StateConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
