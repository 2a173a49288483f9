package org.chibo.gateway.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Where a request's token is: the {@code Authorization: Bearer} header, and on the query-token paths (the inspectors'
 * feed) also {@code ?access_token=} on a GET, since a browser's EventSource cannot set headers. Elsewhere a query token
 * is not looked at, so a request carrying only that is unauthenticated. Both ways at once is refused as ambiguous.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
    private final ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();
    private final List<String> queryTokenPaths;

    BearerTokens(List<String> queryTokenPaths) {
        this.queryTokenPaths = queryTokenPaths;
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return takesQueryToken(path) ? headerOrQuery.convert(exchange) : header.convert(exchange);
    }

    /** The path itself or anything under it; not a longer name that merely starts alike ({@code /api/v1/feedback}). */
    boolean takesQueryToken(String path) {
        return queryTokenPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"));
    }
}
