package org.chibo.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chibo.gateway.Backend;
import org.chibo.gateway.TestTokens;
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

import com.sun.net.httpserver.HttpExchange;

import reactor.test.StepVerifier;

/**
 * The inspectors' feed through the gateway: events arrive one by one as the service sends them, a reconnect's
 * {@code Last-Event-ID} reaches the service, and a feed is not cut by the response timeout (cut to 1 s here) that other
 * routes have. A browser's EventSource cannot set headers: its token comes as {@code ?access_token=}, which the gateway
 * accepts on the feed and forwards for the service to check again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
@AutoConfigureWebTestClient
class ServerSentEventsTest {

    static final CountDownLatch clientHasFirstEvent = new CountDownLatch(1);
    static final AtomicBoolean streamFinished = new AtomicBoolean();

    static final Backend inspection = new Backend()
            .on("/api/v1/feed/late", exchange -> {
                pause(Duration.ofMillis(1500)); // nothing to say at first: the headers come with the first event
                startStream(exchange);
                send(exchange, "1", "late but there");
            })
            .on("/api/v1/feed", exchange -> {
                startStream(exchange);
                send(exchange, "1", "first");
                // the second event only once the client has the first: a gateway that buffered would deliver neither
                // before this wait ran out
                await(clientHasFirstEvent, Duration.ofSeconds(10));
                send(exchange, "2", "second");
                streamFinished.set(true);
            })
            .on("/api/v1/feed/resume", exchange -> {
                startStream(exchange);
                // a reconnect says where it stopped; the service resumes after it
                send(exchange, "8", "after " + exchange.getRequestHeaders().getFirst("Last-Event-ID") + " for "
                        + exchange.getRequestURI().getQuery());
            })
            .on("/api/v1/findings/late", exchange -> {
                pause(Duration.ofMillis(1500));
                Backend.answer(exchange, 200, "application/json", "{}");
            });

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("CHIBO_INSPECTION_URL", inspection::url);
    }

    @AfterAll
    static void stop() {
        clientHasFirstEvent.countDown();
        inspection.close();
    }

    @Autowired
    WebTestClient client;

    static final String TOKEN = TestTokens.issue("inspector");

    @BeforeEach
    void patientAndAuthenticated() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).defaultHeaders(h -> h.setBearerAuth(TOKEN)).build();
    }

    @Test
    void eventsArriveOneByOneAsTheServiceSendsThem() {
        var events = client.get().uri("/api/v1/feed").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class).getResponseBody();

        AtomicBoolean firstArrivedWhileStreamOpen = new AtomicBoolean();
        StepVerifier.create(events)
                .assertNext(first -> {
                    assertThat(first).isEqualTo("first");
                    firstArrivedWhileStreamOpen.set(!streamFinished.get());
                    clientHasFirstEvent.countDown();
                })
                .expectNext("second")
                .expectComplete()
                .verify(Duration.ofSeconds(20));

        assertThat(firstArrivedWhileStreamOpen).as("the first event arrived while the stream was still open").isTrue();
    }

    @Test
    void aReconnectsLastEventIdAndQueryReachTheService() {
        var events = client.get().uri("/api/v1/feed/resume?organisationId=d1").accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "7").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        StepVerifier.create(events).expectNext("after 7 for organisationId=d1").expectComplete().verify(Duration.ofSeconds(20));
    }

    @Test
    void aBrowsersEventSourceSendsItsTokenInTheQueryWhichReachesTheService() {
        String token = TestTokens.issue("inspector-in-a-browser");
        var events = client.mutate().defaultHeaders(h -> h.remove("Authorization")).build()
                .get().uri("/api/v1/feed/resume?organisationId=d1&access_token={token}", token)
                .accept(MediaType.TEXT_EVENT_STREAM).header("Last-Event-ID", "7").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        StepVerifier.create(events).expectNext("after 7 for organisationId=d1&access_token=" + token).expectComplete()
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void aFeedIsNotCutByTheResponseTimeout() {
        var events = client.get().uri("/api/v1/feed/late").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        StepVerifier.create(events).expectNext("late but there").expectComplete().verify(Duration.ofSeconds(20));
    }

    @Test
    void whereasOtherRoutesAre() {
        client.get().uri("/api/v1/findings/late").exchange()
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.detail").isEqualTo("the inspection service did not answer in time");
    }

    private static void startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0); // length unknown: chunked
    }

    private static void send(HttpExchange exchange, String id, String data) throws IOException {
        OutputStream out = exchange.getResponseBody();
        out.write(("id: " + id + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch, Duration atMost) {
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
