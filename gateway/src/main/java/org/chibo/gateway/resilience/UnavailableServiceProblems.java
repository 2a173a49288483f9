package org.chibo.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import org.chibo.gateway.problems.Problem;
import org.chibo.gateway.problems.ProblemTranslator;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A routed request the service did not answer: 503 when it cannot be reached (connection refused, connect timeout,
 * unknown host) or its circuit breaker is open (with Retry-After), 504 when it is too slow, 502 when the connection
 * failed otherwise (e.g. closed by the service before it had answered). The detail names the service (route
 * metadata {@code service}, else the route id), and so does the {@code service} member.
 */
@Component
@Order(0)
class UnavailableServiceProblems implements ProblemTranslator {

    private final RetryAfterAdvice retryAfter;

    UnavailableServiceProblems(RetryAfterAdvice retryAfter) {
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Problem> translate(Throwable error, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return Optional.empty(); // not on its way to a service: the gateway's own error
        }
        String service = serviceOf(route);
        Duration wait = retryAfter.forRoute(route.getId());
        Problem problem;
        if (error instanceof ServiceUnavailableException) {
            // what the CircuitBreaker filter raises when its breaker is open: the service was not even called
            problem = unavailable(service, "the " + service + " service failed too often lately; the gateway gives it "
                    + "a rest and does not call it for now").withRetryAfter(wait);
        } else if (causedBy(error, "io.github.resilience4j.bulkhead.BulkheadFullException")) {
            // only if a bulkhead is switched back on (spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled)
            problem = unavailable(service, "the gateway has as many calls under way to the " + service
                    + " service as it allows; try again in a moment").withRetryAfter(Duration.ofSeconds(1));
        } else if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            problem = unavailable(service, "the " + service + " service cannot be reached").withRetryAfter(wait);
        } else if (isTimeout(error)) {
            problem = Problem.of(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Service too slow",
                    "the " + service + " service did not answer in time");
        } else if (causedBy(error, IOException.class)) {
            problem = Problem.of(HttpStatus.BAD_GATEWAY, "bad-gateway", "Service connection failed",
                    "the connection to the " + service + " service failed before it had answered");
        } else {
            return Optional.empty();
        }
        return Optional.of(problem.withExtension("service", service));
    }

    private static Problem unavailable(String service, String detail) {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail);
    }

    static String serviceOf(Route route) {
        Object service = route.getMetadata().get("service");
        return service == null ? route.getId() : service.toString();
    }

    /**
     * The circuit breaker's time limit raises {@link java.util.concurrent.TimeoutException} (turned into a 504 status
     * error by the filter), the route's response timeout a 504 status error of its own.
     */
    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof org.springframework.cloud.gateway.support.TimeoutException
                    || t instanceof ResponseStatusException s && s.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }

    /** By name: Resilience4j's bulkhead is only on the runtime class path. */
    private static boolean causedBy(Throwable error, String typeName) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(typeName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
