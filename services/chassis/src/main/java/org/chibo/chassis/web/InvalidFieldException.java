package org.chibo.chassis.web;

/** The request is well formed but a field breaks a rule: 422 naming the field (a JSON path, e.g. attendance[2].memberId). */
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
