package org.chibo.gateway.security;

import java.time.Duration;

import org.chibo.gateway.problems.Problem;
import org.chibo.gateway.problems.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A token the gateway could not check because the identity provider's keys (or its discovery document) could not be
 * fetched: the caller is not at fault, so not 401 but 503 problem+json naming the identity provider, with Retry-After.
 * The keys are asked for again on the next token.
 */
class IdentityProviderUnavailableException extends ProblemException {

    /** Long enough for a provider that was restarting; the next token tries again anyway. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    IdentityProviderUnavailableException(Throwable cause) {
        super("the identity provider's keys could not be fetched: " + rootOf(cause)); // logged by the error handler
    }

    @Override
    public Problem problem() {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        "the identity provider cannot be reached to check the token; try again in a moment")
                .withRetryAfter(RETRY_AFTER)
                .withExtension("service", "identity");
    }

    private static String rootOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
