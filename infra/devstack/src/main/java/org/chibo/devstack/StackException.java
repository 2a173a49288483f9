package org.chibo.devstack;

/** The stack could not do what was asked; the message says which component and why, for a person to act on. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
