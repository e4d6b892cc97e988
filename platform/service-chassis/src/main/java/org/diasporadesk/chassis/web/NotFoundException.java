package org.diasporadesk.chassis.web;

/** Nothing with this id exists in the caller's view: answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id '" + id + "'");
    }
}
