package org.chibo.gateway.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class LimitsConfiguration {

    @Bean
    PerUserRateLimiter perUserRateLimiter(LimitsProperties limits) {
        return new PerUserRateLimiter(limits);
    }

    /** Whom the rate limits count: the verified token's subject, else (on public routes) the client's address. */
    @Bean
    KeyResolver userKeyResolver(LimitsProperties limits) {
        RemoteAddressResolver clientAddress = limits.trustedProxies() == 0
                ? new RemoteAddressResolver() { } // the connection's own address
                : XForwardedRemoteAddressResolver.maxTrustedIndex(limits.trustedProxies());
        return new UserKeyResolver(clientAddress);
    }
}
