package org.chibo.chassis.security;

/**
 * A caller with a valid token asked for something outside their roles or their subtree: 403, and a trace of who asked
 * for what ({@link AccessLog}).
 */
public class AccessRefusedException extends RuntimeException {

    private final transient Caller caller;
    private final String action;
    private final String path;

    public AccessRefusedException(Caller caller, String action, String path, String reason) {
        super(action + ": " + reason);
        this.caller = caller;
        this.action = action;
        this.path = path;
    }

    public Caller caller() {
        return caller;
    }

    public String action() {
        return action;
    }

    /** The organisation path of the object refused, when the refusal is about scope. */
    public String path() {
        return path;
    }
}
