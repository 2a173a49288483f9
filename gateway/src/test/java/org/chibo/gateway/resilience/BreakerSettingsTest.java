package org.chibo.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.chibo.gateway.limits.RequestBodyTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The breaker and time-limit settings of application.yml are the ones in force: Resilience4j's Spring Boot 3 binding,
 * running on Spring Boot 4 here, would otherwise fall back to its own defaults without a word.
 */
@SpringBootTest
class BreakerSettingsTest {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void everyRoutesBreakerHasTheConfiguredSettings() {
        for (String route : new String[] {"membership", "membership-bulk", "meeting", "inspection", "evaluation", "evaluation-close"}) {
            CircuitBreakerConfig config = breakers.getCircuitBreakerRegistry().find(route).orElseThrow()
                    .getCircuitBreakerConfig();

            assertThat(config.getSlidingWindowSize()).as(route).isEqualTo(20);
            assertThat(config.getMinimumNumberOfCalls()).as(route).isEqualTo(5);
            assertThat(config.getFailureRateThreshold()).as(route).isEqualTo(50f);
            assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).as(route).isEqualTo(10_000L);
            assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).as(route).isEqualTo(3);
            assertThat(config.getIgnoreExceptionPredicate().test(new RequestBodyTooLargeException(DataSize.ofMegabytes(1)))).as(route)
                    .isTrue();
        }
        assertThat(slowCallThreshold("meeting")).isEqualTo(Duration.ofSeconds(10));
        assertThat(slowCallThreshold("membership-bulk")).isEqualTo(Duration.ofMinutes(5));
        assertThat(slowCallThreshold("evaluation-close")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everyRouteHasItsTimeLimit() {
        assertThat(timeLimit("meeting")).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeLimit("evaluation")).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeLimit("membership-bulk")).isEqualTo(Duration.ofMinutes(5));
        assertThat(timeLimit("evaluation-close")).isEqualTo(Duration.ofMinutes(10));
    }

    private Duration slowCallThreshold(String route) {
        return breakers.getCircuitBreakerRegistry().find(route).orElseThrow().getCircuitBreakerConfig()
                .getSlowCallDurationThreshold();
    }

    private Duration timeLimit(String route) {
        return breakers.getTimeLimiterRegistry().find(route).orElseThrow().getTimeLimiterConfig().getTimeoutDuration();
    }
}
