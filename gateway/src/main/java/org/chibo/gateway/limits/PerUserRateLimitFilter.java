package org.chibo.gateway.limits;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Per-user rate limit on every route, under the route's policy (metadata {@code rate-limit}, else
 * {@value LimitsProperties#DEFAULT_POLICY}; {@value LimitsProperties#NO_POLICY}: not limited). Who the user is, is the
 * {@link KeyResolver} bean's business. A refused request answers 429 problem+json with Retry-After.
 */
@Component
class PerUserRateLimitFilter implements GlobalFilter, Ordered {

    /** Before the routes' own filters (order 1 and up), so a refused request never counts in a circuit breaker. */
    static final int ORDER = -200;

    private final PerUserRateLimiter limiter;
    private final KeyResolver users;

    PerUserRateLimitFilter(PerUserRateLimiter limiter, KeyResolver users) {
        this.limiter = limiter;
        this.users = users;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String policy = policyOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        if (policy.equals(LimitsProperties.NO_POLICY)) {
            return chain.filter(exchange);
        }
        return users.resolve(exchange).defaultIfEmpty("unknown").flatMap(user -> {
            var decision = limiter.take(policy, user);
            return decision.allowed() ? chain.filter(exchange) : Mono.error(new RateLimitedException(decision.retryAfter()));
        });
    }

    private static String policyOf(Route route) {
        Object policy = route == null ? null : route.getMetadata().get("rate-limit");
        return policy == null ? LimitsProperties.DEFAULT_POLICY : policy.toString();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
