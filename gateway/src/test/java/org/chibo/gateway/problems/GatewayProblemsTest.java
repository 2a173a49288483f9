package org.chibo.gateway.problems;

import org.chibo.gateway.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's own errors, those no service is involved in, are problem+json like the services' errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayProblemsTest {

    @Autowired
    WebTestClient client;

    @Test
    void aPathNoRouteTakesIsA404Problem() {
        client.get().uri("/api/v1/nowhere?x=1").headers(h -> h.setBearerAuth(TestTokens.issue("wanderer"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("no route for /api/v1/nowhere")
                .jsonPath("$.instance").isEqualTo("/api/v1/nowhere");
    }

    @Test
    void withoutATokenAnApiPathIs401WhetherRoutedOrNot() {
        // nothing about the routes is told to a caller who is nobody
        client.get().uri("/api/v1/nowhere").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://chibo.org/problems/unauthenticated");
    }

    @Test
    void aMethodTheGatewaysOwnEndpointDoesNotTakeIsA405ProblemSayingWhichItTakes() {
        client.delete().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Allow", "GET")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chibo.org/problems/method-not-allowed")
                .jsonPath("$.status").isEqualTo(405)
                .jsonPath("$.detail").isEqualTo("DELETE is not allowed on /actuator/health; allowed: GET");
    }

    @Test
    void theGatewaysOwnEndpointsStillAnswerNormally() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
