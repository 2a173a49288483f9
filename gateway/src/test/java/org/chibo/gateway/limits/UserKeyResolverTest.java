package org.chibo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class UserKeyResolverTest {

    private final UserKeyResolver connection = new UserKeyResolver(new RemoteAddressResolver() { });

    @Test
    void theUserHeaderNamesTheUser() {
        assertThat(connection.resolve(exchange(request().header("X-ChiBo-User", " bi-thu-chi-bo "))).block())
                .isEqualTo("user:bi-thu-chi-bo");
    }

    @Test
    void withoutItTheClientAddressDoes() {
        assertThat(connection.resolve(exchange(request())).block()).isEqualTo("ip:192.0.2.7");
        assertThat(connection.resolve(exchange(request().header("X-ChiBo-User", "  "))).block()).isEqualTo("ip:192.0.2.7");
    }

    @Test
    void aForwardedForAddressCountsOnlyWhenItsProxyIsTrusted() {
        var forwarded = request().header("X-Forwarded-For", "198.51.100.23");

        assertThat(connection.resolve(exchange(forwarded)).block()).isEqualTo("ip:192.0.2.7");
        assertThat(new UserKeyResolver(XForwardedRemoteAddressResolver.maxTrustedIndex(1))
                .resolve(exchange(request().header("X-Forwarded-For", "198.51.100.23"))).block())
                .isEqualTo("ip:198.51.100.23");
    }

    @Test
    void aVeryLongNameIsCut() {
        assertThat(connection.resolve(exchange(request().header("X-ChiBo-User", "x".repeat(1000)))).block())
                .hasSize("user:".length() + 128);
    }

    private static MockServerHttpRequest.BaseBuilder<?> request() {
        return MockServerHttpRequest.get("/api/v1/meetings").remoteAddress(new InetSocketAddress("192.0.2.7", 50000));
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }
}
