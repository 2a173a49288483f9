package org.chibo.gateway.limits;

import java.time.Duration;

import org.chibo.gateway.problems.Problem;
import org.chibo.gateway.problems.ProblemException;
import org.springframework.http.HttpStatus;

/** A user over their rate limit: 429, with Retry-After saying when their next request will be let through. */
class RateLimitedException extends ProblemException {

    private final Duration retryAfter;

    RateLimitedException(Duration retryAfter) {
        super("rate limit exceeded");
        this.retryAfter = retryAfter;
    }

    @Override
    public Problem problem() {
        return Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                        "too many requests from you in a short time; slow down and retry after the Retry-After seconds")
                .withRetryAfter(retryAfter);
    }
}
