package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.chassis.testing.Problems.assertProblem;
import static org.chibo.inspection.Feed.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
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
 * nothing published. Also the listing's filters and the period close's refusals. Every call carries a real token: an
 * inspector (Ủy ban kiểm tra) bound to the city the test's branch lies in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.inspection.calendar.close-cron=-")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FindingLifecycleIT {

    private static final String GROUP = "inspection-lifecycle-it";
    /** The city every test's branch lies in ({@code /city/<branch>/}); not registered, as in a city still loading. */
    private static final String CITY = "city";

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
        http = new Http(base, TestTokens.issue("inspector-1", CITY, Role.INSPECTOR));
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

        // refusals: no token, a role that may read but not move it, no reason where one is needed, a wrong status, an
        // unknown field, a read-only field, an unknown finding
        assertProblem(http.as(null).post(url + "/acknowledge", "{}"), 401);
        assertProblem(http.as(TestTokens.issue("staff-1", CITY, Role.COMMITTEE_STAFF)).post(url + "/acknowledge", "{}"), 403);
        assertProblem(post(url + "/dismiss", "{}", "inspector-1"), 400, "reason");
        assertProblem(post(url + "/resolve", "{\"reason\":\"  \"}", "inspector-1"), 400, "reason");
        assertProblem(post(url + "/resolve", "{\"reason\":\"ok\",\"by\":\"x\"}", "inspector-1"), 400, "by");
        assertProblem(post(url + "/acknowledge", "{\"status\":\"DISMISSED\"}", "inspector-1"), 400, "status");
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
        Http cityInspector = http.as(TestTokens.issue("inspector-1", "city-" + branch, Role.INSPECTOR));

        // the findings carry where the branch stands in the tree, not the path the meeting record gave
        assertThat(ids(cityInspector, "organisationId=city-" + branch + "&ruleId=R-G2")).hasSize(3);
        assertThat(ids(cityInspector, "organisationId=city-" + branch + "&ruleId=R-G2&size=2")).hasSize(2);
        assertThat(ids(cityInspector, "organisationId=city-" + branch + "&ruleId=R-G2&size=2&page=1")).hasSize(1);
        assertThat(ids(cityInspector, "organisationId=city-" + branch + "&ruleId=R-G1")).isEmpty();
        assertThat(ids(cityInspector, "size=200")).hasSizeGreaterThanOrEqualTo(3);
        assertProblem(cityInspector.get("/api/v1/findings?branchId=" + branch + "&size=201"), 400, "size");
        assertProblem(cityInspector.get("/api/v1/findings?branchId=" + branch + "&size=0"), 400, "size");
        assertProblem(cityInspector.get("/api/v1/findings?branchId=" + branch + "&page=-1"), 400, "page");
        assertProblem(cityInspector.get("/api/v1/findings?status=CLOSED"), 400, "status");
        assertThat(cityInspector.get("/api/v1/findings?organisationId=nowhere").status()).isEqualTo(404);
        // the city this class's other branches lie in is not this inspector's, nor a filter no one asked for
        assertProblem(http.get("/api/v1/findings?organisationId=city-" + branch), 403);
        assertProblem(cityInspector.get("/api/v1/findings?organisationId%5B%24ne%5D=x"), 400, "organisationId[$ne]");
        assertProblem(cityInspector.get("/api/v1/findings?branch=" + branch), 400, "branch");
    }

    @Test
    void aListingWithoutAnOrganisationIsTheCallersSubtreeAndABranchSecretarySeesTheirBranchOnly() {
        String id = UUID.randomUUID().toString();
        feed.recorded(lowAttendance(id).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/findings/R-G2:" + id).status() == 200);

        Http secretary = http.as(TestTokens.issue("secretary", branch, Role.BRANCH_SECRETARY));
        assertThat(secretary.get("/api/v1/findings?size=200").body().path("items").findValuesAsString("id"))
                .containsExactly("R-G2:" + id);
        assertThat(secretary.get("/api/v1/findings/R-G2:" + id).status()).isEqualTo(200);
        Http otherBranch = http.as(TestTokens.issue("secretary", "branch-elsewhere", Role.BRANCH_SECRETARY));
        assertThat(otherBranch.get("/api/v1/findings?size=200").body().path("items")).isEmpty();
        assertThat(otherBranch.get("/api/v1/findings?branchId=" + branch).body().path("items")).isEmpty();
        assertProblem(otherBranch.get("/api/v1/findings/R-G2:" + id), 403);
        assertProblem(http.as(TestTokens.issue("member", branch, Role.MEMBER)).get("/api/v1/findings/R-G2:" + id), 403);
        assertProblem(http.as(TestTokens.issue("secretary", branch, Role.BRANCH_SECRETARY))
                .post("/api/v1/findings/R-G2:" + id + "/acknowledge", "{}"), 403);
        assertUnchanged("/api/v1/findings/R-G2:" + id, "OPEN", 0);
    }

    @Test
    void aPeriodIsClosedOnlyOnceItHasEndedAndOnlyWhenItIsAPeriod() {
        String root = "root-" + branch;
        feed.organisation(root, null, "CITY_COMMITTEE", "/" + root + "/");
        feed.awaitConsumed(Duration.ofSeconds(60));
        Http http = this.http.as(TestTokens.issue("admin", root, Role.CITY_ADMIN));
        assertProblem(http.post("/api/v1/inspection/periods/2025-13/close", "{}"), 400, "period");
        assertProblem(http.post("/api/v1/inspection/periods/2025-Q5/close", "{}"), 400, "period");
        assertProblem(http.post("/api/v1/inspection/periods/march/close", "{}"), 400, "period");
        String thisMonth = BusinessDates.today(java.time.Clock.systemUTC()).toString().substring(0, 7);
        assertProblem(http.post("/api/v1/inspection/periods/" + thisMonth + "/close", "{}"), 422, "period");
        assertProblem(http.post("/api/v1/inspection/periods/2099-Q1/close", "{}"), 422, "period");
        assertProblem(http.post("/api/v1/inspection/periods/2025-01/close", "{\"alreadyClosed\":true}"), 400, "alreadyClosed");
        // an inspector may not; nor a city admin bound below the root, nor one the tree does not know
        assertProblem(this.http.post("/api/v1/inspection/periods/2025-01/close", "{}"), 403);
        assertProblem(http.as(TestTokens.issue("admin", branch, Role.CITY_ADMIN)).post("/api/v1/inspection/periods/2025-01/close", "{}"), 403);
        assertProblem(http.as(TestTokens.issue("admin", "nowhere", Role.CITY_ADMIN)).post("/api/v1/inspection/periods/2025-01/close", "{}"), 403);
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
        return ids(http, query);
    }

    private static List<String> ids(Http as, String query) {
        Http.Response r = as.get("/api/v1/findings?" + query);
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

    /** A POST by an inspector of the city, {@code subject} in the token. */
    private Http.Response post(String url, String body, String subject) {
        return http.as(TestTokens.issue(subject, CITY, Role.INSPECTOR)).post(url, body);
    }
}
