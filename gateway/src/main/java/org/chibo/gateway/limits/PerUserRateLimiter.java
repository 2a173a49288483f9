package org.chibo.gateway.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.chibo.gateway.limits.LimitsProperties.RateLimitPolicy;
import org.chibo.gateway.limits.TokenBucket.Decision;

/**
 * Token buckets in memory, one per policy and user. No Redis here, so the limits hold per gateway instance: with N
 * replicas a user gets N times the rate. Buckets that have filled up again are forgotten now and then (a new one starts
 * full, so nothing changes for the user): memory follows the users active in the last minutes, not all users ever seen.
 */
public class PerUserRateLimiter {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final LimitsProperties limits;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    public PerUserRateLimiter(LimitsProperties limits) {
        this(limits, System::nanoTime);
    }

    PerUserRateLimiter(LimitsProperties limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_EVERY.toNanos());
    }

    /** Takes a token from the user's bucket under the named policy. */
    Decision take(String policyName, String user) {
        RateLimitPolicy policy = limits.policy(policyName);
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        return buckets.computeIfAbsent(policyName + '|' + user, key -> new TokenBucket(policy, now)).take(now);
    }

    int bucketCount() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_EVERY.toNanos())) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }
}
