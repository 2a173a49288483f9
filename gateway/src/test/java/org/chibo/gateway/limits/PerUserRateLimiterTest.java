package org.chibo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.chibo.gateway.limits.LimitsProperties.RateLimitPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PerUserRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final PerUserRateLimiter limiter = new PerUserRateLimiter(new LimitsProperties(DataSize.ofMegabytes(1),
            Map.of("default", new RateLimitPolicy(1, 1), "bulk", new RateLimitPolicy(1, 1)), 0), now::get);

    @Test
    void eachUserAndEachPolicyHasItsOwnBucket() {
        assertThat(limiter.take("default", "user:alice").allowed()).isTrue();
        assertThat(limiter.take("default", "user:alice").allowed()).isFalse();

        assertThat(limiter.take("default", "user:bob").allowed()).isTrue();
        assertThat(limiter.take("bulk", "user:alice").allowed()).isTrue();
    }

    @Test
    void bucketsFullAgainAreForgottenEveryMinuteSoMemoryFollowsActiveUsers() {
        limiter.take("default", "user:alice");
        limiter.take("default", "user:bob");
        now.set(59 * SECOND + SECOND / 2);
        limiter.take("default", "user:carol");
        assertThat(limiter.bucketCount()).isEqualTo(3);

        now.set(60 * SECOND + 1);
        limiter.take("default", "user:dave"); // the minute is up: alice's and bob's buckets are full again, carol's not

        assertThat(limiter.bucketCount()).isEqualTo(2);
        assertThat(limiter.take("default", "user:carol").allowed()).as("carol's bucket kept its state").isFalse();
    }

    @Test
    void anUnknownPolicyIsAConfigurationError() {
        assertThatThrownBy(() -> limiter.take("nightly", "user:alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no rate-limit policy 'nightly' under chibo.gateway.limits.rate-limits");
    }
}
