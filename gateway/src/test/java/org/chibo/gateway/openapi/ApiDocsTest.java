package org.chibo.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.chibo.gateway.Backend;
import org.junit.jupiter.api.AfterAll;
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
 * The browsable API without a token: the Swagger UI, its list of the four services, and each service's description
 * fetched from the service through the gateway. Membership describes itself without a security scheme, meeting with
 * its own; inspection is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ApiDocsTest {

    static final Backend membership = new Backend().on("/v3/api-docs", exchange -> Backend.answer(exchange, 200,
            "application/json", """
                    {"openapi":"3.1.0","info":{"title":"membership","version":"v1"},
                     "servers":[{"url":"http://10.0.0.5:8081","description":"Generated server url"}],
                     "paths":{"/api/v1/members/{id}":{"get":{"operationId":"member"}}}}"""));
    static final Backend meeting = new Backend().on("/v3/api-docs", exchange -> Backend.answer(exchange, 200,
            "application/json", """
                    {"openapi":"3.1.0","info":{"title":"meeting","version":"v1"},"paths":{},
                     "components":{"securitySchemes":{"oidc":{"type":"openIdConnect",
                       "openIdConnectUrl":"http://localhost:9000/.well-known/openid-configuration"}}},
                     "security":[{"oidc":[]}]}"""));

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("CHIBO_MEMBERSHIP_URL", membership::url);
        registry.add("CHIBO_MEETING_URL", meeting::url);
        registry.add("CHIBO_INSPECTION_URL", Backend::nothingListening);
    }

    @AfterAll
    static void stop() {
        membership.close();
        meeting.close();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void patient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theSwaggerUiIsThereWithoutAToken() {
        String location = client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();

        client.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
    }

    @Test
    void theUiListsTheFourServices() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].name").value(List.class, names -> assertThat(names)
                        .containsExactlyInAnyOrder("membership", "meeting", "inspection", "evaluation"))
                .jsonPath("$.urls[?(@.name == 'membership')].url").isEqualTo(List.of("/v3/api-docs/membership"));
    }

    @Test
    void aServicesDescriptionComesThroughTheGatewayPointingAtItWithABearerScheme() {
        int before = membership.requests();

        client.get().uri("/v3/api-docs/membership").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("membership")
                .jsonPath("$.paths['/api/v1/members/{id}'].get.operationId").isEqualTo("member")
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.components.securitySchemes.bearer.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.security[0].bearer").isArray();

        assertThat(membership.requests()).as("fetched from the service (its /v3/api-docs)").isEqualTo(before + 1);
    }

    @Test
    void aServicesOwnSecuritySchemeIsKept() {
        client.get().uri("/v3/api-docs/meeting").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.components.securitySchemes.oidc.type").isEqualTo("openIdConnect")
                .jsonPath("$.components.securitySchemes.bearer").doesNotExist()
                .jsonPath("$.security[0].oidc").isArray();
    }

    @Test
    void aServiceThatIsDownIsA503ProblemHereToo() {
        client.get().uri("/v3/api-docs/inspection").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("inspection");
    }
}
