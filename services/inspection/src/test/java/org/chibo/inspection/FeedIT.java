package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.chassis.testing.Problems.assertProblem;
import static org.chibo.inspection.Feed.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.inspection.FindingRaised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inspectors' live feed (SSE) against the real broker and store: a subtree sees its own findings only (and its
 * meetings when asked), a reconnect with Last-Event-ID gets exactly what it missed, an event delivered twice is in the
 * feed once, a client of one instance sees what another appended, and a quiet connection gets heartbeats. Each client
 * is an inspector whose token is bound to the subtree it watches; the token and the subtree rules are proven here too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chibo.inspection.calendar.close-cron=-",
        "chibo.inspection.feed.heartbeat=PT0.5S",
        "chibo.inspection.feed.replay-limit=20"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FeedIT {

    private static final String GROUP = "inspection-feed-it";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String RAISED = EventCatalogue.FINDING_RAISED.type();
    private static final String RECORDED = EventCatalogue.MEETING_RECORDED.type();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, GROUP);
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    Feed feed;
    String base;
    /** A small tree of its own per test: city, two districts, a branch in each. */
    String city;
    String district1;
    String district2;
    String branch1;
    String branch2;

    @BeforeEach
    void aTree() {
        base = "http://localhost:" + env.getProperty("local.server.port");
        feed = new Feed(kafka, GROUP);
        String t = UUID.randomUUID().toString().substring(0, 8);
        city = "city-" + t;
        district1 = "d1-" + t;
        district2 = "d2-" + t;
        branch1 = "b1-" + t;
        branch2 = "b2-" + t;
        feed.organisation(city, null, "CITY_COMMITTEE", "/" + city + "/");
        feed.organisation(district1, city, "DIRECT_COMMITTEE", path(district1));
        feed.organisation(district2, city, "DIRECT_COMMITTEE", path(district2));
        feed.organisation(branch1, district1, "BRANCH", path(district1) + branch1 + "/");
        feed.organisation(branch2, district2, "BRANCH", path(district2) + branch2 + "/");
        feed.awaitConsumed(Duration.ofSeconds(60));
    }

    @Test
    void aSubtreeSeesItsOwnFindingsOnlyAndItsMeetingsWhenItAsks() {
        try (SseClient findings = connect(district1, null);
             // a city inspector narrowing the feed to a district inside their subtree
             SseClient withMeetings = SseClient.connect(base + "/api/v1/feed?organisationId=" + district1 + "&include=meetings",
                     null, inspectorOf(city))) {
            assertThat(findings.status()).isEqualTo(200);
            assertThat(withMeetings.status()).isEqualTo(200);
            String elsewhere = lowAttendance(branch2);
            String here = lowAttendance(branch1);
            awaitInFeed(elsewhere);
            awaitInFeed(here);
            String last = lowAttendance(branch1); // after the other two are in the feed: the client has passed them

            List<SseClient.Event> received = findings.until(e -> meetingOf(e).equals(last), SOON);
            assertThat(received).extracting(SseClient.Event::name).containsOnly(RAISED);
            assertThat(received).extracting(FeedIT::meetingOf).containsExactly(here, last);
            assertThat(received).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();

            List<SseClient.Event> all = withMeetings.until(e -> RAISED.equals(e.name()) && meetingOf(e).equals(last), SOON);
            assertThat(all).filteredOn(e -> RECORDED.equals(e.name())).extracting(FeedIT::meetingOf).containsExactly(here, last);
            assertThat(all).extracting(FeedIT::meetingOf).doesNotContain(elsewhere);
        }
    }

    @Test
    void badRequestsAreRefusedNamingWhatIsWrong() {
        Http http = new Http(base, inspectorOf(city));
        assertProblem(http.get("/api/v1/feed?organisationId=" + city + "&include=everything"), 400, "include");
        assertProblem(http.get("/api/v1/feed?organisationId=" + city, "Last-Event-ID", "yesterday"), 400, "Last-Event-ID");
        assertProblem(http.get("/api/v1/feed?organisationId=" + city + "&organisationId%5B%24ne%5D=x"), 400, "organisationId[$ne]");
        assertThat(http.get("/api/v1/feed?organisationId=nowhere").status()).isEqualTo(404);
        try (SseClient asAnEventSourceAsks = SseClient.connect(base + "/api/v1/feed?organisationId=nowhere", null, inspectorOf(city))) {
            assertThat(asAnEventSourceAsks.status()).isEqualTo(404);
        }
    }

    @Test
    void theFeedNeedsATokenOfAWatchingRoleAndStaysInsideItsSubtree() {
        assertProblem(new Http(base).get("/api/v1/feed"), 401);
        try (SseClient anonymous = SseClient.connect(base + "/api/v1/feed", null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        Http districtInspector = new Http(base, inspectorOf(district1));
        assertProblem(districtInspector.get("/api/v1/feed?organisationId=" + district2), 403);
        assertProblem(districtInspector.get("/api/v1/feed?organisationId=" + city), 403);
        for (Role role : List.of(Role.MEMBER, Role.BRANCH_SECRETARY)) {
            assertProblem(new Http(base, TestTokens.issue("u", branch1, role)).get("/api/v1/feed"), 403);
        }
        for (Role role : List.of(Role.COMMITTEE_STAFF, Role.CITY_ADMIN)) {
            try (SseClient watching = SseClient.connect(base + "/api/v1/feed", null, TestTokens.issue("u", district1, role))) {
                assertThat(watching.status()).as(role.name()).isEqualTo(200);
            }
        }
    }

    /** EventSource cannot send headers: the feed takes ?access_token=, and only the feed does. */
    @Test
    void aTokenInTheQueryOpensTheFeedAndNothingElse() {
        String token = inspectorOf(district1);
        try (SseClient browser = SseClient.connect(base + "/api/v1/feed?access_token=" + token, null)) {
            assertThat(browser.status()).isEqualTo(200);
            String here = lowAttendance(branch1);
            assertThat(meetingOf(browser.next(SOON))).isEqualTo(here);
        }
        try (SseClient browser = SseClient.connect(base + "/api/v1/feed?access_token=" + TestTokens.as("x").in(district1)
                .roles(Role.INSPECTOR).expiresAt(Instant.now().minusSeconds(3600)).sign(), null)) {
            assertThat(browser.status()).isEqualTo(401);
        }
        Http noHeader = new Http(base);
        assertProblem(noHeader.get("/api/v1/findings?access_token=" + token), 401);
        assertProblem(noHeader.get("/api/v1/inspection/statistics?organisationId=" + district1 + "&year=2026&access_token=" + token), 401);
        // with a header as well, the token in the URL is still not taken there: a parameter the endpoint does not take
        assertProblem(new Http(base, token).get("/api/v1/findings?access_token=" + token), 400, "access_token");
    }

    @Test
    void aResumeFromAnEarlierPlaceDeliversOnlyTheTokensSubtree() {
        String first = lowAttendance(branch1);
        awaitInFeed(first);
        String lastEventId = Long.toString(placeOf(first));
        String elsewhere = lowAttendance(branch2);
        awaitInFeed(elsewhere);
        String last = lowAttendance(branch1);
        awaitInFeed(last);

        try (SseClient again = connect(district1, lastEventId)) {
            List<SseClient.Event> received = again.until(e -> meetingOf(e).equals(last), SOON);
            assertThat(received).extracting(FeedIT::meetingOf).containsExactly(last);
        }
        // the same resume with the meetings asked for: still only district 1's
        try (SseClient again = SseClient.connect(base + "/api/v1/feed?include=meetings", lastEventId, inspectorOf(district1))) {
            List<SseClient.Event> received = again.until(e -> RAISED.equals(e.name()) && meetingOf(e).equals(last), SOON);
            assertThat(received).extracting(FeedIT::meetingOf).containsOnly(last).doesNotContain(elsewhere);
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatWasRaisedMeanwhileAndNothingTwice() {
        String lastEventId;
        // connected first: a new client's feed starts at its connection, so a finding settled before it would be missed
        try (SseClient client = connect(city, null)) {
            String first = lowAttendance(branch1);
            lastEventId = client.until(e -> meetingOf(e).equals(first), SOON).getLast().id();
        }
        String second = lowAttendance(branch1);
        String third = lowAttendance(branch2);
        awaitInFeed(second);
        awaitInFeed(third);

        try (SseClient again = connect(city, lastEventId)) {
            String fourth = lowAttendance(branch2);
            List<SseClient.Event> received = again.until(e -> meetingOf(e).equals(fourth), SOON);
            assertThat(received).extracting(FeedIT::meetingOf).containsExactlyInAnyOrder(second, third, fourth);
            assertThat(received).extracting(e -> Long.parseLong(e.id())).isSorted()
                    .allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(lastEventId)));
        }
    }

    @Test
    void anEventDeliveredTwiceAndAgainLaterIsInTheFeedOnce() {
        String findingId = "R-G2:" + UUID.randomUUID();
        PendingEvent raised = PendingEvent.of(EventCatalogue.FINDING_RAISED, branch1, findingId,
                new FindingRaised(findingId, "R-G2", 1, "MEDIUM", "unit targets", branch1, path(district1) + branch1 + "/",
                        null, LocalDate.of(2026, 10, 5), List.of(), Map.of("rate", 0.8), "attendance 80%", Instant.now()),
                Instant.now());
        try (SseClient client = connect(district1, null)) {
            feed.publish(raised);
            feed.publish(raised);
            await().atMost(SOON).until(() -> entriesOf(raised.id()) == 1);
            feed.publish(raised);
            String sentinel = lowAttendance(branch1);
            awaitInFeed(sentinel);

            List<SseClient.Event> received = client.until(e -> meetingOf(e).equals(sentinel), SOON);
            assertThat(received).extracting(e -> JSON.readTree(e.data()).path("findingId").asString())
                    .containsExactly(findingId, "R-G2:" + sentinel);
            assertThat(entriesOf(raised.id())).isEqualTo(1);
        }
    }

    @Test
    void aClientOfOneInstanceSeesWhatAnotherAppended() {
        // the second instance consumes nothing: everything in the feed was appended by the first
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(InspectionApplication.class).run(
                "--server.port=0", "--spring.application.name=" + GROUP,
                "--spring.kafka.bootstrap-servers=" + EmbeddedInfra.kafkaBootstrap(),
                "--spring.mongodb.uri=" + EmbeddedInfra.mongoUri(GROUP),
                "--spring.kafka.listener.auto-startup=false",
                "--chibo.inspection.calendar.close-cron=-",
                "--chibo.security.issuer=" + TestTokens.ISSUER,
                "--chibo.security.public-key=classpath:security/test-issuer.pub",
                "--chibo.security.jwk-set-uri=");
             SseClient onOther = SseClient.connect("http://localhost:" + other.getEnvironment().getProperty("local.server.port")
                     + "/api/v1/feed", null, inspectorOf(district2))) {
            assertThat(onOther.status()).isEqualTo(200);
            String meeting = lowAttendance(branch2);
            SseClient.Event event = onOther.next(SOON);
            assertThat(event.name()).isEqualTo(RAISED);
            assertThat(meetingOf(event)).isEqualTo(meeting);
        }
    }

    @Test
    void aQuietConnectionGetsHeartbeatsThatMoveItsResumePointOn() {
        try (SseClient quiet = connect(district2, null)) {
            await().atMost(SOON).until(() -> quiet.comments() >= 3); // the greeting and two heartbeats
            String elsewhere = lowAttendance(branch1);
            awaitInFeed(elsewhere);
            long place = placeOf(elsewhere);
            await().atMost(SOON).until(() -> quiet.lastId() != null && Long.parseLong(quiet.lastId()) >= place);
        }
    }

    @Test
    void aClientTooFarBehindIsToldWhatItWillNotBeSent() {
        for (int i = 0; i < 11; i++) { // 22 entries at least: each meeting's record and its finding
            lowAttendance(branch1);
        }
        String last = lowAttendance(branch1);
        awaitInFeed(last);
        try (SseClient client = connect(city, "0")) {
            SseClient.Event gap = client.next(SOON);
            assertThat(gap.name()).isEqualTo("feed-gap");
            JsonNode body = JSON.readTree(gap.data());
            assertThat(body.path("from").asLong()).isEqualTo(1);
            assertThat(body.path("reason").asString()).isEqualTo("too-far-behind");
            assertThat(Long.parseLong(gap.id())).isEqualTo(body.path("to").asLong());
            List<SseClient.Event> replayed = client.until(e -> meetingOf(e).equals(last), SOON);
            assertThat(replayed).hasSizeLessThanOrEqualTo(20)
                    .allSatisfy(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(body.path("to").asLong()));
        }
    }

    /** An inspector bound to {@code organisationId}, watching the feed of their whole subtree (no parameter). */
    private SseClient connect(String organisationId, String lastEventId) {
        SseClient client = SseClient.connect(base + "/api/v1/feed", lastEventId, inspectorOf(organisationId));
        assertThat(client.status()).isEqualTo(200);
        return client;
    }

    private static String inspectorOf(String organisationId) {
        return TestTokens.issue("inspector-" + organisationId, organisationId, Role.INSPECTOR);
    }

    /** Records a meeting with 8 of 10 present (R-G2, nothing else) in the branch; returns its id. */
    private String lowAttendance(String branch) {
        String id = UUID.randomUUID().toString();
        String branchPath = (branch.equals(branch1) ? path(district1) : path(district2)) + branch + "/";
        Feed.Record m = meeting(id, branch, branchPath, LocalDate.of(2026, 10, 5));
        for (int i = 0; i < 10; i++) {
            m.member("m" + i + "-" + branch, "OFFICIAL", i < 8 ? "PRESENT" : "ABSENT_EXCUSED");
        }
        feed.recorded(m.build());
        return id;
    }

    private String path(String district) {
        return "/" + city + "/" + district + "/";
    }

    private static String meetingOf(SseClient.Event e) {
        JsonNode data = JSON.readTree(e.data());
        return data.path("meetingId").asString("");
    }

    private void awaitInFeed(String meetingId) {
        await().atMost(SOON).until(() -> placeOrNull(meetingId) != null);
    }

    private long placeOf(String meetingId) {
        return placeOrNull(meetingId);
    }

    /** The place of the meeting's finding in the feed, once it is there. */
    private Long placeOrNull(String meetingId) {
        var entry = mongo.findOne(Query.query(Criteria.where("type").is(RAISED).and("data").regex(meetingId)),
                org.bson.Document.class, "feed_entries");
        return entry == null ? null : ((Number) entry.get("_id")).longValue();
    }

    private long entriesOf(String eventId) {
        return mongo.count(Query.query(Criteria.where("eventId").is(eventId)), "feed_entries");
    }
}
