package org.chibo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chibo.gateway.limits.LimitsProperties.RateLimitPolicy;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewBucketLetsTheBurstThroughThenRefusesSayingWhenTheNextTokenIsBack() {
        TokenBucket bucket = new TokenBucket(new RateLimitPolicy(4, 3), 0); // 4 a second: one every 250 ms

        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(0).allowed()).as("request %d", i + 1).isTrue();
        }
        TokenBucket.Decision refused = bucket.take(0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(250));
        assertThat(bucket.take(SECOND / 10).retryAfter()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void tokensComeBackAtTheReplenishRateButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(new RateLimitPolicy(2, 2), 0);
        bucket.take(0);
        bucket.take(0);

        assertThat(bucket.take(SECOND / 2).allowed()).as("one token back after half a second").isTrue();
        assertThat(bucket.take(SECOND / 2).allowed()).isFalse();
        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        assertThat(bucket.take(100 * SECOND).allowed()).isTrue();
        assertThat(bucket.take(100 * SECOND).allowed()).isTrue();
        assertThat(bucket.take(100 * SECOND).allowed()).as("a long pause buys no more than the burst").isFalse();
    }
}
