package org.chibo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.chibo.gateway.Backend;
import org.chibo.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;

/**
 * Request body and rate limits in front of a real service that reads the whole body and answers with its size. The
 * body limits are the configured ones (1 MB, 16 MB on imports); the default rate limit is cut to a burst of 3 and one
 * request back every 2 s, so that it shows. Each test is its own user (the subject of its signed token), so their
 * buckets do not mix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chibo.gateway.limits.rate-limits.default.burst=3",
        "chibo.gateway.limits.rate-limits.default.replenish-rate=0.5"})
@AutoConfigureWebTestClient
class LimitsTest {

    private static final int ONE_MB = 1024 * 1024;

    static final Backend services = new Backend()
            .on("/", exchange -> Backend.answer(exchange, 200, "application/json",
                    "{\"received\":" + Backend.body(exchange).length + "}"));

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

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @BeforeEach
    void patient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aBodyUpToTheLimitGoesThrough() {
        post("/api/v1/meetings", "body-fits", ONE_MB)
                .expectStatus().isOk()
                .expectBody().json("{\"received\":" + ONE_MB + "}");
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndNeverReachesTheService() {
        int before = services.requests();

        post("/api/v1/meetings", "body-too-large", ONE_MB + 1)
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/payload-too-large")
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("the request body is larger than the 1 MB accepted here")
                .jsonPath("$.errors[0].field").isEqualTo("body");

        assertThat(services.requests()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWithA413ProblemThatNoBreakerCounts() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 17).map(i -> buffers.wrap(filled(64 * 1024))); // 1 MB + 64 KB
        var meetingBreaker = breakers.getCircuitBreakerRegistry().circuitBreaker("meeting").getMetrics();
        int failedBefore = meetingBreaker.getNumberOfFailedCalls();

        client.post().uri("/api/v1/meetings").headers(h -> h.setBearerAuth(TestTokens.issue("chunked-too-large")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the request body is larger than the 1 MB accepted here");

        assertThat(meetingBreaker.getNumberOfFailedCalls()).isEqualTo(failedBefore);
    }

    @Test
    void theImportRouteTakesLargerBodies() {
        post("/api/v1/imports", "importer", 3 * ONE_MB)
                .expectStatus().isOk()
                .expectBody().json("{\"received\":" + 3 * ONE_MB + "}");
    }

    @Test
    void aUserOverTheBurstIsA429ProblemWithRetryAfterWhileOthersGoOn() {
        for (int i = 0; i < 3; i++) {
            get("/api/v1/meetings/m-1", "busy-user").expectStatus().isOk();
        }

        get("/api/v1/meetings/m-1", "busy-user")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "2") // one request back every 2 s
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/too-many-requests")
                .jsonPath("$.status").isEqualTo(429);
        // another user, another bucket
        get("/api/v1/meetings/m-1", "other-user").expectStatus().isOk();
        // imports have a bucket of their own: a busy user can still load a file
        post("/api/v1/imports", "busy-user", 10).expectStatus().isOk();
    }

    @Test
    void oneUserWithTwoTokensHasOneBucket() {
        String morning = TestTokens.issue("two-tokens");
        String afternoon = TestTokens.issue("two-tokens");
        assertThat(morning).isNotEqualTo(afternoon);
        getWith(morning).expectStatus().isOk();
        getWith(afternoon).expectStatus().isOk();
        getWith(morning).expectStatus().isOk();

        getWith(afternoon).expectStatus().isEqualTo(429);
    }

    @Test
    void requestsWithoutAValidTokenAre401BeforeAnyRateLimitAndTakeNothingFromTheUsersBucket() {
        int before = services.requests();
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/v1/meetings/m-1").exchange().expectStatus().isUnauthorized();
            client.get().uri("/api/v1/meetings/m-1")
                    .headers(h -> h.setBearerAuth(TestTokens.as("never-authenticated").forged().sign())).exchange()
                    .expectStatus().isUnauthorized();
        }
        assertThat(services.requests()).isEqualTo(before);

        // the forged tokens named this user, but drew nothing from their bucket: the whole burst is still there
        for (int i = 0; i < 3; i++) {
            get("/api/v1/meetings/m-1", "never-authenticated").expectStatus().isOk();
        }
    }

    private WebTestClient.ResponseSpec get(String path, String user) {
        return client.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.issue(user))).exchange();
    }

    private WebTestClient.ResponseSpec getWith(String token) {
        return client.get().uri("/api/v1/meetings/m-1").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String user, int bytes) {
        return client.post().uri(path).headers(h -> h.setBearerAuth(TestTokens.issue(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(filled(bytes)).exchange();
    }

    private static byte[] filled(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        return body;
    }
}
