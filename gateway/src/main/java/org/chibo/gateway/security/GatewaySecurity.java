package org.chibo.gateway.security;

import org.chibo.gateway.problems.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Authentication at the edge: the gateway is an OAuth2 resource server checking the same JWTs as the services, so a
 * request without a valid token is refused here (401) before it costs a service, a rate-limit bucket or a circuit
 * breaker anything. It only checks who the caller is; what they may do is each service's business, which checks the
 * token again (the Authorization header, and the feed's {@code ?access_token=}, are forwarded unchanged).
 *
 * <p>Stateless: no session, no security context kept between requests, no saved request; and no CSRF protection, which
 * guards cookie-based sessions, of which there are none (a bearer token is never sent by a browser on its own).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class GatewaySecurity {

    /**
     * Open to anyone, with any method (a wrong method still gets its 405): probes, the Prometheus scrape, the Swagger
     * UI and the API descriptions it shows (the services serve theirs without a token too; they hold no data).
     */
    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecuritySettings settings) {
        return JwtDecoders.of(settings);
    }

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, SecuritySettings settings,
                                ProblemWriter problems, MeterRegistry meters) {
        UnauthenticatedProblems unauthenticated = new UnauthenticatedProblems(problems, meters);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC).permitAll()
                        // every service's data, and the gateway's own metrics
                        .pathMatchers("/api/**", "/actuator/**").authenticated()
                        // the rest of what a browser fetches is the gateway's own static files (the web console):
                        // public, like any web page's code. A route to a service belongs under /api/.
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .bearerTokenConverter(new BearerTokens(settings.queryTokenPaths()))
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated));
        return http.build();
    }
}
