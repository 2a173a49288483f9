package org.chibo.gateway.security;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.chibo.gateway.problems.Problem;
import org.chibo.gateway.problems.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The answer to a request without a valid token (none, expired, another issuer's, a bad signature, not a JWT at all):
 * 401 {@code application/problem+json} of type {@code unauthenticated}, like the services' own, through the gateway's
 * one problem writer, with the RFC 6750 {@code WWW-Authenticate} challenge. Like the services, it leaves a WARN line on
 * the {@code chibo.security.access} logger and counts {@code chibo.security.refused{reason=unauthenticated}}.
 */
final class UnauthenticatedProblems implements ServerAuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger("chibo.security.access");

    private final ProblemWriter writer;
    private final MeterRegistry meters;

    UnauthenticatedProblems(ProblemWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.meters = meters;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        String why = e instanceof OAuth2AuthenticationException ? e.getMessage() : "no bearer token";
        ServerHttpRequest request = exchange.getRequest();
        meters.counter("chibo.security.refused", "reason", "unauthenticated").increment();
        // the path only: a query may hold a token
        log.warn("access refused (unauthenticated): {} via {} {} from {}", why, request.getMethod(),
                request.getPath().value(), from(request));
        Problem problem = Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                        why + "; send 'Authorization: Bearer <token>' from the configured issuer")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(e));
        return writer.write(exchange, problem);
    }

    /** {@code Bearer}, with the error, its description and its URI when a token was there but did not do (RFC 6750 §3). */
    static String challenge(AuthenticationException e) {
        if (!(e instanceof OAuth2AuthenticationException oauth) || !(oauth.getError() instanceof BearerTokenError error)) {
            return "Bearer";
        }
        List<String> parameters = new ArrayList<>();
        parameters.add("error=\"" + quoted(error.getErrorCode()) + "\"");
        if (error.getDescription() != null) {
            parameters.add("error_description=\"" + quoted(error.getDescription()) + "\"");
        }
        if (error.getUri() != null) {
            parameters.add("error_uri=\"" + quoted(error.getUri()) + "\"");
        }
        return "Bearer " + String.join(", ", parameters);
    }

    /** A quoted-string may not hold a bare quote or backslash, nor line breaks. */
    private static String quoted(String value) {
        return value.replaceAll("[\"\\\\\\r\\n]", "'");
    }

    private static String from(ServerHttpRequest request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address == null ? "unknown" : address.getHostString();
    }
}
