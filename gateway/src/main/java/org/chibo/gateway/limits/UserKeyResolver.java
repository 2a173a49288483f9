package org.chibo.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who a rate limit counts: the authenticated caller, i.e. the verified token's subject ({@code sub}), so every token a
 * user holds draws on one bucket and no header a client makes up can spread the load over made-up names. A request
 * reaches the limiter only once the gateway's security has checked its token (an /api request without a valid one is
 * answered 401 before); where nobody is authenticated, on the public routes (the API descriptions), the client's
 * address counts instead.
 */
public class UserKeyResolver implements KeyResolver {

    /** Longer names are cut: a bucket key should not grow with whatever an issuer puts in {@code sub}. */
    private static final int MAX_NAME_LENGTH = 128;

    private final RemoteAddressResolver clientAddress;

    public UserKeyResolver(RemoteAddressResolver clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(UserKeyResolver::isAuthenticated)
                .map(Principal::getName)
                .filter(name -> !name.isBlank())
                // prefixed, so that a user named like an address does not share (or drain) that address's bucket
                .map(name -> "user:" + (name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name))
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + addressOf(exchange)));
    }

    private static boolean isAuthenticated(Principal principal) {
        return !(principal instanceof Authentication authentication)
                || authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private String addressOf(ServerWebExchange exchange) {
        InetSocketAddress address = clientAddress.resolve(exchange);
        return address == null ? "unknown"
                : address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
