package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.chassis.testing.Problems.assertProblem;
import static org.chibo.inspection.Feed.meeting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finding's lifecycle through the API against the real broker and store: raised once from a record delivered twice
 * and replayed, acknowledged, resolved, dismissed; every refusal a problem naming the field, with nothing written and
 * nothing published. Also the listing's filters and the period close's refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.inspection.calendar.close-cron=-")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FindingLifecycleIT {

    private static final String GROUP = "inspection-lifecycle-it";
    private static final String USER = "X-ChiBo-User";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, GROUP);
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    Http http;
    String base;
    Feed feed;
    String branch;
    String path;

    @BeforeEach
    void aBranch() {
        base = "http://localhost:" + env.getProperty("local.server.port");
        http = new Http(base);
        feed = new Feed(kafka, GROUP);
        branch = "branch-" + UUID.randomUUID();
        path = "/city/" + branch + "/";
    }

    @Test
    void aLowAttendanceMeetingDeliveredTwiceAndReplayedRaisesOneFindingAndOneEvent() {
        String id = UUID.randomUUID().toString();
        feed.recorded(lowAttendance(id).build());
        feed.replayUnderNewIds();
        feed.awaitConsumed(Duration.ofSeconds(60));

        Http.Response list = http.get("/api/v1/findings?branchId=" + branch);
        assertThat(list.body().path("items").findValuesAsString("id")).containsExactly("R-G2:" + id);
        List<FindingRaised> published = await().atMost(Duration.ofSeconds(30)).until(() -> events().stream()
                .filter(e -> e.is(EventCatalogue.FINDING_RAISED)).map(e -> e.dataAs(EventCatalogue.FINDING_RAISED)).toList(),
                l -> !l.isEmpty());
        assertThat(published).singleElement().satisfies(f -> {
            assertThat(f.findingId()).isEqualTo("R-G2:" + id);
            assertThat(f.meetingId()).isEqualTo(id);
            assertThat(f.occurredOn()).isEqualTo(LocalDate.of(2026, 10, 5));
            assertThat(f.evidence()).containsEntry("present", 8).containsEntry("expected", 10);
            assertThat(f.memberIds()).hasSize(2);
            assertThat(f.organisationPath()).isEqualTo(path);
        });
    }

    @Test
    void aFindingIsAcknowledgedThenResolvedAndEveryRefusalNamesItsFieldAndWritesNothing() {
        String id = UUID.randomUUID().toString();
        feed.recorded(lowAttendance(id).build());
        String finding = "R-G2:" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/findings/" + finding).status() == 200);
        String url = "/api/v1/findings/" + finding;

        // refusals: no user, no reason where one is needed, a wrong status, an unknown field, an unknown finding
        assertProblem(post(url + "/acknowledge", "{}", null), 400, USER);
        assertProblem(post(url + "/acknowledge", "{}", " "), 400, USER);
        assertProblem(post(url + "/dismiss", "{}", "inspector-1"), 400, "reason");
        assertProblem(post(url + "/resolve", "{\"reason\":\"  \"}", "inspector-1"), 400, "reason");
        assertProblem(post(url + "/resolve", "{\"reason\":\"ok\",\"by\":\"x\"}", "inspector-1"), 400, "by");
        assertThat(post("/api/v1/findings/R-G2:nothing/acknowledge", "{}", "inspector-1").status()).isEqualTo(404);
        assertUnchanged(url, "OPEN", 0);

        Http.Response acknowledged = post(url + "/acknowledge", "{}", "inspector-1");
        assertThat(acknowledged.status()).as(acknowledged.body().toString()).isEqualTo(200);
        assertThat(acknowledged.text("status")).isEqualTo("ACKNOWLEDGED");
        assertProblem(post(url + "/acknowledge", "{}", "inspector-1"), 409, "status");
        assertUnchanged(url, "ACKNOWLEDGED", 1);

        Http.Response resolved = post(url + "/resolve", "{\"reason\":\"Chi bộ đã họp bổ sung, đủ 10/10\"}", "inspector-2");
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");
        JsonNode history = resolved.body().path("history");
        assertThat(history.findValuesAsString("status")).containsExactly("ACKNOWLEDGED", "RESOLVED");
        assertThat(history.findValuesAsString("previousStatus")).containsExactly("OPEN", "ACKNOWLEDGED");
        assertThat(history.findValuesAsString("by")).containsExactly("inspector-1", "inspector-2");
        assertThat(history.get(1).path("reason").asString()).isEqualTo("Chi bộ đã họp bổ sung, đủ 10/10");
        assertThat(history.get(1).path("at").asString()).isNotBlank();
        assertProblem(post(url + "/dismiss", "{\"reason\":\"nhầm\"}", "inspector-1"), 409, "status");
        assertProblem(post(url + "/resolve", "{\"reason\":\"again\"}", "inspector-1"), 409, "status");
        assertUnchanged(url, "RESOLVED", 2);

        List<FindingStatusChanged> changes = await().atMost(Duration.ofSeconds(30)).until(this::changes, l -> l.size() >= 2);
        assertThat(changes).extracting(FindingStatusChanged::status).containsExactly("ACKNOWLEDGED", "RESOLVED");
        assertThat(changes.get(1)).satisfies(c -> {
            assertThat(c.findingId()).isEqualTo(finding);
            assertThat(c.previousStatus()).isEqualTo("ACKNOWLEDGED");
            assertThat(c.by()).isEqualTo("inspector-2");
            assertThat(c.reason()).isEqualTo("Chi bộ đã họp bổ sung, đủ 10/10");
            assertThat(c.ruleId()).isEqualTo("R-G2");
            assertThat(c.branchId()).isEqualTo(branch);
            assertThat(c.meetingId()).isEqualTo(id);
            assertThat(c.severity()).isEqualTo("MEDIUM");
            assertThat(c.occurredOn()).isEqualTo(LocalDate.of(2026, 10, 5));
            assertThat(c.memberIds()).hasSize(2);
        });
    }

    @Test
    void anOpenFindingMayBeDismissedOrResolvedStraightAway() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        feed.recorded(lowAttendance(first).build());
        feed.recorded(lowAttendance(second).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/findings?branchId=" + branch + "&ruleId=R-G2")
                .body().path("items").size() == 2);

        assertThat(post("/api/v1/findings/R-G2:" + first + "/dismiss", "{\"reason\":\"biên bản giấy ghi sai\"}", "inspector-1")
                .text("status")).isEqualTo("DISMISSED");
        assertThat(post("/api/v1/findings/R-G2:" + second + "/resolve", "{\"reason\":\"đã khắc phục\"}", "inspector-1")
                .text("status")).isEqualTo("RESOLVED");
        assertProblem(post("/api/v1/findings/R-G2:" + first + "/acknowledge", "{}", "inspector-1"), 409, "status");

        assertThat(ids("branchId=" + branch + "&status=DISMISSED")).containsExactly("R-G2:" + first);
        assertThat(ids("branchId=" + branch + "&status=RESOLVED&ruleId=R-G2")).containsExactly("R-G2:" + second);
        assertThat(ids("branchId=" + branch + "&status=OPEN&ruleId=R-G2")).isEmpty();
    }

    @Test
    void listingsAreFilteredAndPagedAndBadParametersAreNamed() {
        feed.organisation("city-" + branch, null, "CITY_COMMITTEE", "/city-" + branch + "/");
        feed.organisation(branch, "city-" + branch, "BRANCH", "/city-" + branch + "/" + branch + "/");
        // the two topics are not ordered against each other: the branch is known before its meetings are judged
        feed.awaitConsumed(Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            feed.recorded(lowAttendance(UUID.randomUUID().toString()).build());
        }
        feed.awaitConsumed(Duration.ofSeconds(60));

        // the findings carry where the branch stands in the tree, not the path the meeting record gave
        assertThat(ids("organisationId=city-" + branch + "&ruleId=R-G2")).hasSize(3);
        assertThat(ids("organisationId=city-" + branch + "&ruleId=R-G2&size=2")).hasSize(2);
        assertThat(ids("organisationId=city-" + branch + "&ruleId=R-G2&size=2&page=1")).hasSize(1);
        assertThat(ids("organisationId=city-" + branch + "&ruleId=R-G1")).isEmpty();
        assertThat(ids("size=200")).hasSizeGreaterThanOrEqualTo(3);
        assertProblem(http.get("/api/v1/findings?branchId=" + branch + "&size=201"), 400, "size");
        assertProblem(http.get("/api/v1/findings?branchId=" + branch + "&size=0"), 400, "size");
        assertProblem(http.get("/api/v1/findings?branchId=" + branch + "&page=-1"), 400, "page");
        assertProblem(http.get("/api/v1/findings?status=CLOSED"), 400, "status");
        assertThat(http.get("/api/v1/findings?organisationId=nowhere").status()).isEqualTo(404);
    }

    @Test
    void aPeriodIsClosedOnlyOnceItHasEndedAndOnlyWhenItIsAPeriod() {
        assertProblem(http.post("/api/v1/inspection/periods/2025-13/close", "{}"), 400, "period");
        assertProblem(http.post("/api/v1/inspection/periods/2025-Q5/close", "{}"), 400, "period");
        assertProblem(http.post("/api/v1/inspection/periods/march/close", "{}"), 400, "period");
        String thisMonth = BusinessDates.today(java.time.Clock.systemUTC()).toString().substring(0, 7);
        assertProblem(http.post("/api/v1/inspection/periods/" + thisMonth + "/close", "{}"), 422, "period");
        assertProblem(http.post("/api/v1/inspection/periods/2099-Q1/close", "{}"), 422, "period");
    }

    /** 8 of 10 official members present (R-G2, not R-G1), every other part in order. */
    private Feed.Record lowAttendance(String id) {
        Feed.Record m = meeting(id, branch, path, LocalDate.of(2026, 10, 5));
        for (int i = 0; i < 10; i++) {
            m.member("m" + i + "-" + branch, "OFFICIAL", i < 8 ? "PRESENT" : "ABSENT_EXCUSED");
        }
        return m;
    }

    private void assertUnchanged(String url, String status, int steps) {
        JsonNode f = http.get(url).body();
        assertThat(f.path("status").asString()).isEqualTo(status);
        assertThat(f.path("history").size()).isEqualTo(steps);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> changes().size() == steps);
    }

    private List<String> ids(String query) {
        Http.Response r = http.get("/api/v1/findings?" + query);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("items").findValuesAsString("id");
    }

    private List<FindingStatusChanged> changes() {
        return events().stream().filter(e -> e.is(EventCatalogue.FINDING_STATUS_CHANGED))
                .map(e -> e.dataAs(EventCatalogue.FINDING_STATUS_CHANGED)).toList();
    }

    /** What this test's branch has on inspection.findings, in order. */
    private List<IncomingEvent> events() {
        return Feed.published(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "inspection.findings", r -> branch.equals(r.key()),
                Duration.ofSeconds(1)));
    }

    /** A POST naming its user in X-ChiBo-User, or naming none. */
    private Http.Response post(String url, String body, String user) {
        if (user == null) {
            return http.post(url, body);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + url)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json").header(USER, user)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
