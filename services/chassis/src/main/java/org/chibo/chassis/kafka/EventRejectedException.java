package org.chibo.chassis.kafka;

/**
 * Thrown by a handler for an event that is well formed but can never be applied (it breaks the consumer's
 * invariants). Permanent: it goes to the dead-letter topic with this message as the reason.
 */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String reason) {
        super(reason);
    }
}
