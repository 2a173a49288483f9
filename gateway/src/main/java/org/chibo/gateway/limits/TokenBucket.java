package org.chibo.gateway.limits;

import java.time.Duration;

import org.chibo.gateway.limits.LimitsProperties.RateLimitPolicy;

/**
 * One user's bucket: holds up to {@code burst} tokens, refilled continuously at {@code replenishRate} a second; a request
 * takes one. Times are {@link System#nanoTime()} readings, passed in so tests need not wait.
 */
final class TokenBucket {

    /** The answer to one request: let through, or refused until a token is back. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimitPolicy policy, long now) {
        this.capacity = policy.burst();
        this.tokensPerNano = policy.replenishRate() / 1e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    synchronized Decision take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Decision.ALLOWED;
        }
        long nanosToNextToken = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return new Decision(false, Duration.ofNanos(nanosToNextToken));
    }

    /** Full again: forgetting the bucket now changes nothing, a new one starts full. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }
}
