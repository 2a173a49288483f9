package org.chibo.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.chibo.gateway.Backend;
import org.chibo.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Services that are down, failing or slow, behind the real gateway: membership's address has nothing listening;
 * meeting and evaluation are a small real HTTP server. Every call carries a valid token (the gateway checks it before
 * anything else), but where a test says otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // membership's breaker judges the last 2 calls, so two refused connections open it
        "resilience4j.circuitbreaker.instances.membership.sliding-window-size=2",
        "resilience4j.circuitbreaker.instances.membership.minimum-number-of-calls=2",
        "resilience4j.timelimiter.instances.evaluation.timeout-duration=500ms"})
@AutoConfigureWebTestClient
class ResilienceTest {

    /** Only a guard against a hang: the answers are expected in milliseconds. */
    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final String SERVICE_PROBLEM = """
            {"type":"https://chibo.org/problems/invalid-field","title":"A field breaks a rule","status":422,\
            "detail":"heldOn must not be in the future","errors":[{"field":"heldOn","message":"must not be in the future"}]}""";

    static final CountDownLatch releaseSlowAnswer = new CountDownLatch(1);
    /** As many calls at once as a city checking in sends: each waits until all have reached the service. */
    static final int AT_ONCE = 40;
    static final CountDownLatch allArrived = new CountDownLatch(AT_ONCE);
    static final Backend services = new Backend()
            .on("/api/v1/meetings/crowded", exchange -> {
                allArrived.countDown();
                try {
                    allArrived.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Backend.answer(exchange, 200, "application/json", "{}");
            })
            .on("/api/v1/meetings/invalid", exchange -> Backend.answer(exchange, 422, "application/problem+json", SERVICE_PROBLEM))
            .on("/api/v1/meetings/broken", exchange -> {
                exchange.getResponseHeaders().set("Retry-After", "120");
                Backend.answer(exchange, 503, "application/problem+json", "{\"title\":\"meeting's own 503\"}");
            })
            .on("/api/v1/meetings/dropped", exchange -> {
                // closing the exchange without an answer drops the connection
            })
            .on("/api/v1/scorecards/", exchange -> {
                try {
                    releaseSlowAnswer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Backend.answer(exchange, 200, "application/json", "{}");
            });

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String down = Backend.nothingListening();
        registry.add("CHIBO_MEMBERSHIP_URL", () -> down);
        registry.add("CHIBO_MEETING_URL", services::url);
        registry.add("CHIBO_INSPECTION_URL", services::url);
        registry.add("CHIBO_EVALUATION_URL", services::url);
    }

    @AfterAll
    static void stop() {
        releaseSlowAnswer.countDown();
        services.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @BeforeEach
    void patientAndAuthenticated() {
        anonymous = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        client = anonymous.mutate().defaultHeaders(h -> h.setBearerAuth(TestTokens.issue("resilience-tester"))).build();
    }

    /** The same client without a token. */
    WebTestClient anonymous;

    @Test
    void manyCallsAtOnceAllReachTheServiceNoBulkheadTurnsThemAway() throws Exception {
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < AT_ONCE; i++) {
                String user = "member-" + i;
                answers.add(pool.submit(() -> client.post().uri("/api/v1/meetings/crowded").headers(h -> h.setBearerAuth(TestTokens.issue(user)))
                        .exchange().returnResult(String.class).getStatus().value()));
            }
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }

        assertThat(statuses).hasSize(AT_ONCE).containsOnly(200);
    }

    @Test
    void aServiceThatIsDownIsAnsweredAt503ProblemWithRetryAfterQuickly() {
        long started = System.nanoTime();

        client.get().uri("/api/v1/exports").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "10") // the breaker's wait-duration-in-open-state
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/service-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("the membership service cannot be reached")
                .jsonPath("$.service").isEqualTo("membership")
                .jsonPath("$.instance").isEqualTo("/api/v1/exports");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void withoutATokenACallToAServiceThatIsDownIs401NotA503AndCostsTheBreakerNothing() {
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("membership-bulk");
        int callsBefore = breaker.getMetrics().getNumberOfBufferedCalls();

        anonymous.get().uri("/api/v1/exports").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().doesNotExist("Retry-After")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401);

        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(callsBefore);
    }

    @Test
    void whileOneServiceIsDownTheOthersKeepAnswering() {
        client.get().uri("/api/v1/exports").exchange().expectStatus().isEqualTo(503); // not the membership breaker's test

        client.post().uri("/api/v1/meetings/invalid").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"heldOn\":\"2999-01-01\"}").exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    void afterRepeatedFailuresTheBreakerOpensAndTheServiceIsNotCalledAnyMore() {
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("membership");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        for (int i = 0; i < 2; i++) {
            client.get().uri("/api/v1/members/m-1").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail").isEqualTo("the membership service cannot be reached");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long started = System.nanoTime();

        client.get().uri("/api/v1/members/m-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/service-unavailable")
                .jsonPath("$.detail").isEqualTo("the membership service failed too often lately; the gateway gives it a "
                        + "rest and does not call it for now")
                .jsonPath("$.service").isEqualTo("membership");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
    }

    @Test
    void aServiceSlowerThanItsTimeLimitIsAnswered504Problem() {
        long started = System.nanoTime();

        client.get().uri("/api/v1/scorecards/b-1?year=2026").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/gateway-timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.detail").isEqualTo("the evaluation service did not answer in time")
                .jsonPath("$.service").isEqualTo("evaluation");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void aServiceThatDropsTheConnectionIsA502Problem() {
        client.get().uri("/api/v1/meetings/dropped").exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/bad-gateway")
                .jsonPath("$.detail").isEqualTo("the connection to the meeting service failed before it had answered")
                .jsonPath("$.service").isEqualTo("meeting");
    }

    @Test
    void aServicesOwnProblemPassesThroughUntouched() {
        byte[] body = client.post().uri("/api/v1/meetings/invalid").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"heldOn\":\"2999-01-01\"}").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().valueEquals("Content-Type", "application/problem+json")
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(SERVICE_PROBLEM);
    }

    @Test
    void aServicesOwn5xxPassesThroughUntouchedAndDoesNotCountAsAFailure() {
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("meeting");
        int failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        int succeededBefore = breaker.getMetrics().getNumberOfSuccessfulCalls();

        client.get().uri("/api/v1/meetings/broken").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "120")
                .expectBody().json("{\"title\":\"meeting's own 503\"}", true);

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(succeededBefore + 1);
    }

    @Test
    void theBreakersAreMeteredForPrometheus() {
        String metrics = anonymous.get().uri("/actuator/prometheus").exchange() // the scrape needs no token
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("resilience4j_circuitbreaker_state{")
                .contains("resilience4j_circuitbreaker_calls_seconds")
                .contains("name=\"meeting\"").contains("name=\"membership-bulk\"").contains("name=\"evaluation\"");
    }
}
