package org.chibo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

class UserKeyResolverTest {

    private final UserKeyResolver connection = new UserKeyResolver(new RemoteAddressResolver() { });

    @Test
    void theVerifiedTokensSubjectNamesTheUser() {
        assertThat(connection.resolve(as(authenticated("bi-thu-chi-bo"), request())).block()).isEqualTo("user:bi-thu-chi-bo");
    }

    @Test
    void withoutAnAuthenticatedUserTheClientAddressDoes() {
        assertThat(connection.resolve(MockServerWebExchange.from(request())).block()).isEqualTo("ip:192.0.2.7");
        var anonymous = new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(connection.resolve(as(anonymous, request())).block()).isEqualTo("ip:192.0.2.7");
    }

    @Test
    void aHeaderNamingAUserNamesNobody() {
        // the header the gateway trusted before tokens: whatever a client says is no identity
        assertThat(connection.resolve(MockServerWebExchange.from(request().header("X-ChiBo-User", "bi-thu-chi-bo"))).block())
                .isEqualTo("ip:192.0.2.7");
    }

    @Test
    void aForwardedForAddressCountsOnlyWhenItsProxyIsTrusted() {
        assertThat(connection.resolve(MockServerWebExchange.from(request().header("X-Forwarded-For", "198.51.100.23"))).block())
                .isEqualTo("ip:192.0.2.7");
        assertThat(new UserKeyResolver(XForwardedRemoteAddressResolver.maxTrustedIndex(1))
                .resolve(MockServerWebExchange.from(request().header("X-Forwarded-For", "198.51.100.23"))).block())
                .isEqualTo("ip:198.51.100.23");
    }

    @Test
    void aVeryLongSubjectIsCut() {
        assertThat(connection.resolve(as(authenticated("x".repeat(1000)), request())).block())
                .hasSize("user:".length() + 128);
    }

    private static JwtAuthenticationToken authenticated(String subject) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).claim("roles", List.of("MEMBER"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).build();
        return new JwtAuthenticationToken(jwt, List.of());
    }

    private static ServerWebExchange as(Principal principal, MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request).mutate().principal(Mono.just(principal)).build();
    }

    private static MockServerHttpRequest.BaseBuilder<?> request() {
        return MockServerHttpRequest.get("/api/v1/meetings").remoteAddress(new InetSocketAddress("192.0.2.7", 50000));
    }
}
