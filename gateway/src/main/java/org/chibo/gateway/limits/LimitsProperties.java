package org.chibo.gateway.limits;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code chibo.gateway.limits}: the request body limit and the per-user rate-limit policies. A route picks its own with
 * the metadata keys {@code max-request-body} and {@code rate-limit} (see application.yml).
 *
 * @param maxRequestBody the largest request body on a route that sets none of its own
 * @param rateLimits     policies by name; routes without a {@code rate-limit} use {@value #DEFAULT_POLICY}
 * @param trustedProxies proxies in front of the gateway whose {@code X-Forwarded-For} names the client (0: none)
 */
@ConfigurationProperties("chibo.gateway.limits")
public record LimitsProperties(@DefaultValue("1MB") DataSize maxRequestBody,
                               Map<String, RateLimitPolicy> rateLimits,
                               @DefaultValue("0") int trustedProxies) {

    public static final String DEFAULT_POLICY = "default";
    /** The {@code rate-limit} of a route that is not limited at all. */
    public static final String NO_POLICY = "none";

    public LimitsProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("chibo.gateway.limits.trusted-proxies must not be negative");
        }
    }

    /**
     * @param replenishRate requests per second a user gets back, continuously
     * @param burst         requests a user may make at once (the bucket's size; a new user starts with it full)
     */
    public record RateLimitPolicy(double replenishRate, int burst) {

        public RateLimitPolicy {
            if (!(replenishRate > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate-limit policy needs replenish-rate > 0 and burst >= 1, not "
                        + replenishRate + " and " + burst);
            }
        }
    }

    RateLimitPolicy policy(String name) {
        RateLimitPolicy policy = rateLimits.get(name);
        if (policy == null) {
            throw new IllegalStateException("no rate-limit policy '" + name + "' under chibo.gateway.limits.rate-limits");
        }
        return policy;
    }
}
