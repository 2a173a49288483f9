package org.chibo.gateway.security;

import java.time.Duration;

import org.chibo.gateway.Backend;
import org.chibo.gateway.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway configured with a key set at an address where nothing listens, as when it starts before the identity
 * provider: it starts all the same (keys are fetched on the first token), still answers 401 to a request without a
 * token, and 503 problem+json, not 401, to a token it cannot check for want of keys: the caller is not at fault.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IdentityProviderDownTest {

    @DynamicPropertySource
    static void keySetNowhere(DynamicPropertyRegistry registry) {
        registry.add("chibo.security.jwk-set-uri", () -> Backend.nothingListening() + "/oauth2/jwks");
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void patient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aTokenThatCannotBeCheckedIsA503ProblemNamingTheIdentityProvider() {
        client.get().uri("/api/v1/meetings/m-1").headers(h -> h.setBearerAuth(TestTokens.issue("early-bird"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/service-unavailable")
                .jsonPath("$.service").isEqualTo("identity");
    }

    @Test
    void noTokenIsStill401() {
        client.get().uri("/api/v1/meetings/m-1").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://chibo.org/problems/unauthenticated");
    }
}
