package org.chibo.chassis.web;

/** 409: the request clashes with the current state (a duplicate, a concurrent change). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
