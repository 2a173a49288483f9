package org.chibo.gateway.limits;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who a rate limit counts, until identity arrives (issue 7): the {@code X-ChiBo-User} header if present, else the
 * client's address. The header is whatever the client says, so it is no security boundary: a client may spread its
 * requests over made-up names. It is not a JWT's {@code sub} on purpose: a token decoded without checking its
 * signature must not decide anything. Identity replaces this bean with one keyed by the authenticated principal.
 */
public class UserKeyResolver implements KeyResolver {

    static final String USER_HEADER = "X-ChiBo-User";
    /** Longer names are cut: a bucket key should not grow with whatever a client sends. */
    private static final int MAX_NAME_LENGTH = 128;

    private final RemoteAddressResolver clientAddress;

    public UserKeyResolver(RemoteAddressResolver clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        String user = exchange.getRequest().getHeaders().getFirst(USER_HEADER);
        if (user != null && !user.isBlank()) {
            String name = user.strip();
            // prefixed, so that a user named like an address does not share (or drain) that address's bucket
            return Mono.just("user:" + (name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name));
        }
        InetSocketAddress address = clientAddress.resolve(exchange);
        return Mono.just("ip:" + (address == null ? "unknown"
                : address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress()));
    }
}
