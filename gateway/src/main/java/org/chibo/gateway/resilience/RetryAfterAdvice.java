package org.chibo.gateway.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * When to tell a client to come back after a 503: when the route's circuit breaker, if open, lets calls through again
 * (its {@code wait-duration-in-open-state}). A route without a breaker of its own (the feed) gets the default config's
 * value. The breaker is looked up by route id: each route's breaker is named after it.
 */
@Component
class RetryAfterAdvice {

    private final ReactiveResilience4JCircuitBreakerFactory breakers;

    RetryAfterAdvice(ReactiveResilience4JCircuitBreakerFactory breakers) {
        this.breakers = breakers;
    }

    Duration forRoute(String routeId) {
        CircuitBreakerRegistry registry = breakers.getCircuitBreakerRegistry();
        CircuitBreakerConfig config = registry.find(routeId)
                .map(breaker -> breaker.getCircuitBreakerConfig())
                .orElseGet(registry::getDefaultConfig);
        return Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1));
    }
}
