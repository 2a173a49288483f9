package org.chibo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.chibo.gateway.Backend;
import org.chibo.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.stream.Stream;

/**
 * Authentication at the edge, in front of a real service that records the Authorization header and query it got: no
 * request to an /api route reaches a service without a valid token from the configured issuer, and a valid one reaches
 * it untouched, for the service to check again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AuthenticationTest {

    static final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    static final AtomicReference<String> lastQuery = new AtomicReference<>();
    static final Backend services = new Backend()
            .on("/", exchange -> {
                lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                lastQuery.set(exchange.getRequestURI().getRawQuery());
                Backend.answer(exchange, 200, "application/json", "{}");
            });

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("CHIBO_MEMBERSHIP_URL", services::url);
        registry.add("CHIBO_MEETING_URL", services::url);
        registry.add("CHIBO_INSPECTION_URL", services::url);
        registry.add("CHIBO_EVALUATION_URL", services::url);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void patient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        lastAuthorization.set(null);
        lastQuery.set(null);
    }

    @Test
    void withoutATokenAnApiRequestIs401ProblemAndNeverReachesTheService() {
        int before = services.requests();

        client.get().uri("/api/v1/meetings/m-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/unauthenticated")
                .jsonPath("$.title").isEqualTo("Not authenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("no bearer token; send 'Authorization: Bearer <token>' from the configured issuer")
                .jsonPath("$.instance").isEqualTo("/api/v1/meetings/m-1");

        assertThat(services.requests()).isEqualTo(before);
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("expired", "Bearer " + TestTokens.as("late").expiresAt(Instant.now().minus(Duration.ofHours(1))).sign(),
                        "Jwt expired at"),
                Arguments.of("wrong issuer", "Bearer " + TestTokens.as("stranger").issuedBy("https://elsewhere.example").sign(),
                        "The iss claim is not valid"),
                Arguments.of("forged", "Bearer " + TestTokens.as("forger").forged().sign(),
                        "Failed to validate the token"), // the signature: Nimbus says no more
                Arguments.of("garbage", "Bearer not-a-jwt", "Invalid JWT serialization"),
                Arguments.of("another scheme", "Basic YWRtaW46YWRtaW4=", "no bearer token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void anInvalidTokenIs401ProblemSayingWhyAndNeverReachesTheService(String what, String authorization, String why) {
        int before = services.requests();

        client.post().uri("/api/v1/meetings").header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(why));

        assertThat(services.requests()).isEqualTo(before);
    }

    @Test
    void aRejectedTokenIsNamedInTheChallenge() {
        client.get().uri("/api/v1/findings").headers(h -> h.setBearerAuth(TestTokens.as("forger").forged().sign())).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"invalid_token\", error_description=\""));
    }

    @Test
    void aValidTokenPassesThroughWithTheAuthorizationHeaderUntouched() {
        String token = TestTokens.issue("bi-thu-chi-bo");

        client.get().uri("/api/v1/meetings/m-1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie"); // stateless: no session

        assertThat(lastAuthorization.get()).isEqualTo("Bearer " + token);
    }

    @Test
    void theFeedTakesTheTokenInTheQueryAndForwardsIt() {
        String token = TestTokens.issue("inspector");

        client.get().uri("/api/v1/feed?organisationId=b-1&access_token={token}", token).exchange()
                .expectStatus().isOk();

        assertThat(lastQuery.get()).isEqualTo("organisationId=b-1&access_token=" + token);
        assertThat(lastAuthorization.get()).isNull();
    }

    @Test
    void aQueryTokenOnTheFeedIsCheckedLikeAnyOther() {
        client.get().uri("/api/v1/feed?access_token={token}", TestTokens.as("forger").forged().sign()).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://chibo.org/problems/unauthenticated");
    }

    @Test
    void aQueryTokenAnywhereElseIsNotLookedAt() {
        int before = services.requests();

        client.get().uri("/api/v1/findings?access_token={token}", TestTokens.issue("inspector")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("no bearer token"));
        client.get().uri("/api/v1/feedback?access_token={token}", TestTokens.issue("inspector")).exchange()
                .expectStatus().isUnauthorized();

        assertThat(services.requests()).isEqualTo(before);
    }

    @Test
    void probesAndTheScrapeNeedNoTokenTheOtherMetricsDo() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();

        client.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(TestTokens.issue("operator"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void onlyReadingTheGatewaysOwnFilesIsOpenNothingElse() {
        // a static file of the console, were there one: no token asked, the gateway's own 404
        client.get().uri("/console/index.html").exchange().expectStatus().isNotFound();
        client.post().uri("/console/index.html").exchange().expectStatus().isUnauthorized();
    }
}
