package org.chibo.gateway.problems;

/**
 * An error the gateway raises on purpose (a limit, say) and already knows how to answer: the error handler writes
 * {@link #problem()} as it is. Raising it, rather than writing the answer on the spot, keeps one writer for every
 * gateway error.
 */
public abstract class ProblemException extends RuntimeException {

    protected ProblemException(String message) {
        super(message, null, false, false); // an expected refusal: a stack trace would only fill the logs
    }

    public abstract Problem problem();
}
