package org.diasporadesk.chassis.security;

/** The user asked for data outside their territorial area: answered with 403, naming the field. */
public class OutOfScopeException extends RuntimeException {

    private final String field;

    public OutOfScopeException(String field, String unitCode) {
        super("'" + unitCode + "' is outside your area; ask an office of that area or an administrator");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
