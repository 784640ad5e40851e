package org.chorus.login.service;

/** A request field that fails a rule only the service can check; a 400 with a field error like validation's. */
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
