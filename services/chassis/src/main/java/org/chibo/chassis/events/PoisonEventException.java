package org.chibo.chassis.events;

/**
 * A record that can never be processed as it is: missing CloudEvents attributes, an unknown type, data that does not
 * parse. Retrying cannot help, so the error handler sends it straight to the dead-letter topic.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}
