package org.diasporadesk.chassis.web;

/** A request field whose value breaks a rule of the domain (an unknown municipality, say): answered with 400. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
