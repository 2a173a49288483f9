package org.chibo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.Problems;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.contracts.evaluation.RatingDecided;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.contracts.membership.MemberDisciplined;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The service against a real broker and store. A small city's 2025, every event delivered twice: the scorecards, the
 * year close with its cap, the committee's decisions, the statistics, and a rebuild from the topics. The expected
 * ratings follow from the rules in the README, each case built to break one rule. Every call carries a real token:
 * the city's committee staff reads, the city administrator closes the year, the grassroots committee decides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chibo.evaluation.year-close.scheduler-enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationIT {

    private static final int YEAR = 2025;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CITY = "c" + RUN;
    private static final String D1 = CITY + "-d1";
    private static final String D2 = CITY + "-d2";
    private static final String G1 = D1 + "-g1";
    private static final String GB = D2 + "-gb";
    /** Committee staff of the city: reads everything of this test's city. */
    private static final String CITY_STAFF = TestTokens.issue("staff-" + RUN, CITY, Role.COMMITTEE_STAFF);
    private static final String CITY_ADMIN = TestTokens.issue("admin-" + RUN, CITY, Role.CITY_ADMIN);
    /** The grassroots committee that rates its branches (124-QĐ/TW art. 12 step 3). */
    private static final String COMMITTEE_G1 = TestTokens.issue("committee-g1", G1, Role.COMMITTEE_STAFF);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "evaluation-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaListenerEndpointRegistry listeners;

    private Http http() {
        return new Http("http://localhost:" + env.getProperty("local.server.port"), CITY_STAFF);
    }

    /** Every event goes out twice with the same id, as an outbox may publish it. */
    private <T> void twice(EventType<T> type, String key, String subject, T payload) {
        PendingEvent event = PendingEvent.of(type, key, subject, payload, Instant.now());
        try {
            kafka.send(CloudEvents.toRecord(event)).get();
            kafka.send(CloudEvents.toRecord(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void theProvisionalRatingMovesOncePerChangeWhateverTheRedeliveries() throws Exception {
        String branch = UUID.randomUUID().toString();
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            all.put("m-" + i, "PRESENT");
        }
        MeetingRecorded meeting = meeting(branch, "/" + branch + "/", "REGULAR", "2026-01", LocalDate.of(2026, 1, 5), 0, all);
        FindingRaised finding = new FindingRaised("R-M3:m-1:2026", "R-M3", 1, "SERIOUS", "Charter art. 8", branch,
                "/" + branch + "/", null, meeting.heldOn(), List.of("m-1"), Map.of("because", List.of("R-M1")),
                "consider removal", Instant.parse("2026-02-01T00:00:00Z"));
        Http http = http().as(TestTokens.issue("secretary-" + branch, branch, Role.BRANCH_SECRETARY));

        twice(EventCatalogue.MEETING_RECORDED, branch, meeting.meetingId(), meeting);
        // the same record re-published under a new event id
        kafka.send(CloudEvents.toRecord(PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch, meeting.meetingId(), meeting, Instant.now()))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/scorecards/" + branch + "?year=2026").status() == 200);
        twice(EventCatalogue.FINDING_RAISED, branch, finding.findingId(), finding);

        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/scorecards/" + branch + "?year=2026").body().path("openFindings").asInt() == 1);
        List<RatingChanged> changes = await().atMost(Duration.ofSeconds(30)).until(() -> ratingsOf(branch, RatingChanged.class), l -> l.size() >= 2);

        Http.Response card = http.get("/api/v1/scorecards/" + branch + "?year=2026");
        assertThat(card.body().path("meetingsRecorded").asInt()).isEqualTo(1);
        assertThat(card.body().path("openSeriousFindings").asInt()).isEqualTo(1);
        assertThat(card.body().path("regularMonthsHeld").asInt()).isEqualTo(1);
        assertThat(card.body().path("provisionalRating").asString()).isEqualTo("COMPLETED");
        assertThat(changes).extracting(RatingChanged::rating).containsExactly("GOOD", "COMPLETED");
        assertThat(changes.get(1).previousRating()).isEqualTo("GOOD");
        assertThat(changes.get(1).criteria()).extracting(RatingChanged.Criterion::evidence).contains("open: R-M3:m-1:2026");
        Http.Response badYear = http.get("/api/v1/scorecards/" + branch + "?year=1999");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body().path("errors").findValuesAsString("field")).containsExactly("year");
        assertThat(http.get("/api/v1/scorecards/" + branch + "?year=2025").status()).isEqualTo(404);

        // resolved, the finding no longer counts against the branch; told twice, once
        FindingStatusChanged resolved = new FindingStatusChanged(finding.findingId(), "R-M3", branch, "/" + branch + "/", null,
                List.of("m-1"), "RESOLVED", "OPEN", "absence excused on appeal", "inspector", Instant.parse("2026-03-01T00:00:00Z"),
                "SERIOUS", meeting.heldOn());
        twice(EventCatalogue.FINDING_STATUS_CHANGED, branch, finding.findingId(), resolved);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response after = http.get("/api/v1/scorecards/" + branch + "?year=2026");
            assertThat(after.body().path("openFindings").asInt()).isZero();
            assertThat(after.body().path("resolvedFindings").asInt()).isEqualTo(1);
            assertThat(after.body().path("provisionalRating").asString()).isEqualTo("GOOD");
        });
    }

    // ---- a small city's 2025 ----------------------------------------------------------------------------------------

    /** Seven branches under one grassroots committee of district 1, one grassroots branch in district 2. */
    private static final List<String> BRANCHES = List.of(G1 + "-b1", G1 + "-b2", G1 + "-b3", G1 + "-b4", G1 + "-b5", G1 + "-b6", G1 + "-b7");
    private static final String LATE = BRANCHES.get(1);
    private static final String DISCIPLINED = BRANCHES.get(2);
    private static final String ABSENTEE = BRANCHES.get(3);
    private static final String FROM = BRANCHES.get(4);
    private static final String TO = BRANCHES.get(5);
    private static final String MOVER = FROM + "-m9";

    private static String path(String branch) {
        return branch.equals(GB) ? "/" + CITY + "/" + D2 + "/" + GB + "/" : "/" + CITY + "/" + D1 + "/" + G1 + "/" + branch + "/";
    }

    @Test
    @Order(2)
    void aCitysYearIsRatedAtTheCloseWithTheCapInEveryUnitAndTheEvidenceNamed() {
        Http http = http();
        register(CITY, null, "CITY_COMMITTEE", "/" + CITY + "/");
        register(D1, CITY, "DIRECT_COMMITTEE", "/" + CITY + "/" + D1 + "/");
        register(D2, CITY, "DIRECT_COMMITTEE", "/" + CITY + "/" + D2 + "/");
        register(G1, D1, "GRASSROOTS_COMMITTEE", "/" + CITY + "/" + D1 + "/" + G1 + "/");
        register(GB, D2, "GRASSROOTS_BRANCH", path(GB));
        BRANCHES.forEach(b -> register(b, G1, "BRANCH", path(b)));
        Map<String, List<String>> members = new HashMap<>();
        BRANCHES.forEach(b -> members.put(b, new ArrayList<>()));
        members.put(GB, new ArrayList<>());
        members.forEach((b, list) -> {
            for (int i = 0; i < (b.equals(GB) ? 3 : 10); i++) {
                list.add(b + "-m" + i);
                if (!b.equals(GB)) {
                    twice(EventCatalogue.MEMBER_ADMITTED, b + "-m" + i, b + "-m" + i, new MemberAdmitted(b + "-m" + i, b, path(b),
                            "Đảng viên " + i, "card-" + i, "OFFICIAL", LocalDate.of(2015, 1, 1)));
                }
            }
        });
        // the grassroots branch's members came with the city's onboarding: one members-onboarded for the three
        twice(EventCatalogue.MEMBERS_ONBOARDED, GB + "-m0", "batch-" + GB, new MembersOnboarded("batch-" + GB,
                members.get(GB).stream().map(m -> new MembersOnboarded.Entry(m, GB, path(GB), "Đảng viên " + m, "card-" + m,
                        "OFFICIAL", LocalDate.of(2015, 1, 1), null, null)).toList()));
        // the mover leaves FROM on 1 July and is received by TO on 5 July
        twice(EventCatalogue.MEMBER_TRANSFERRED_OUT, MOVER, MOVER, new MemberTransferredOut(MOVER, FROM, TO, "OFFICIAL",
                LocalDate.of(YEAR, 7, 1), LocalDate.of(YEAR, 8, 15)));
        twice(EventCatalogue.MEMBER_RECEIVED, MOVER, MOVER, new MemberReceived(MOVER, FROM, TO, path(TO), "Đảng viên 9",
                "OFFICIAL", "OFFICIAL", LocalDate.of(YEAR, 7, 5)));
        String warned = DISCIPLINED + "-m0";
        twice(EventCatalogue.MEMBER_DISCIPLINED, warned, warned, new MemberDisciplined(warned, DISCIPLINED, "WARNING",
                LocalDate.of(YEAR, 5, 2), "12-QĐ/ĐU", "breach of the rules"));
        String absentee = ABSENTEE + "-m1";

        for (String b : BRANCHES) {
            for (int month = 1; month <= 12; month++) {
                Map<String, String> roster = new LinkedHashMap<>();
                for (String m : members.get(b)) {
                    if (!m.equals(MOVER) || month <= 6) {
                        roster.put(m, "PRESENT");
                    }
                }
                if (b.equals(TO) && month >= 7) {
                    roster.put(MOVER, "PRESENT");
                }
                if (b.equals(ABSENTEE) && (month == 2 || month == 4 || month == 6)) {
                    roster.put(absentee, "ABSENT_UNEXCUSED");
                }
                if (b.equals(FROM) && month == 2) {
                    roster.put(MOVER, "ABSENT_UNEXCUSED");
                }
                int lateDays = b.equals(LATE) && month == 3 ? 9 : 0;
                MeetingRecorded regular = meeting(b, path(b), "REGULAR", "%d-%02d".formatted(YEAR, month),
                        LocalDate.of(YEAR, month, 10), lateDays, roster);
                twice(EventCatalogue.MEETING_RECORDED, b, regular.meetingId(), regular);
                if (month % 3 == 2) {
                    Map<String, String> thematicRoster = new LinkedHashMap<>(roster);
                    thematicRoster.replaceAll((m, a) -> "PRESENT");
                    MeetingRecorded thematic = meeting(b, path(b), "THEMATIC", YEAR + "-Q" + (month / 3 + 1),
                            LocalDate.of(YEAR, month, 20), 0, thematicRoster);
                    twice(EventCatalogue.MEETING_RECORDED, b, thematic.meetingId(), thematic);
                }
            }
        }
        FindingRaised removal = new FindingRaised("R-M3:" + absentee + ":" + YEAR, "R-M3", 1, "SERIOUS", "Charter art. 8", ABSENTEE,
                path(ABSENTEE), null, LocalDate.of(YEAR, 6, 10), List.of(absentee), Map.of("because", List.of("R-M1")),
                "consider removal", Instant.parse("2025-06-11T00:00:00Z"));
        twice(EventCatalogue.FINDING_RAISED, ABSENTEE, removal.findingId(), removal);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String b : BRANCHES) {
                assertThat(http.get("/api/v1/scorecards/" + b + "?year=" + YEAR).body().path("meetingsRecorded").asInt()).as(b).isEqualTo(16);
            }
            assertThat(http.get("/api/v1/scorecards/" + ABSENTEE + "?year=" + YEAR).body().path("openSeriousFindings").asInt()).isEqualTo(1);
            assertThat(http.get("/api/v1/scorecards/members/" + MOVER + "?year=" + YEAR).body().path("branchId").asString()).isEqualTo(TO);
            assertThat(http.get("/api/v1/scorecards/members/" + warned + "?year=" + YEAR).body().path("disciplines").size()).isEqualTo(1);
            assertThat(http.get("/api/v1/scorecards/organisations/" + G1 + "?year=" + YEAR).body().path("branches").asInt()).isEqualTo(7);
            assertThat(http.get("/api/v1/scorecards/organisations/" + D2 + "?year=" + YEAR).body().path("branches").asInt()).isEqualTo(1);
            assertThat(http.get("/api/v1/scorecards/members/" + GB + "-m2?year=" + YEAR).status()).isEqualTo(200);
        });
        JsonNode mover = http.get("/api/v1/scorecards/members/" + MOVER + "?year=" + YEAR).body();
        assertThat(mover.path("expected").asLong()).as("added up over both branches").isEqualTo(16);
        assertThat(mover.path("present").asLong()).isEqualTo(15);
        JsonNode rollUp = http.get("/api/v1/scorecards/organisations/" + G1 + "?year=" + YEAR).body();
        assertThat(rollUp.path("meetingsRecorded").asInt()).isEqualTo(7 * 16);
        assertThat(rollUp.path("regularMonthsOnTime").asInt()).isEqualTo(7 * 12 - 1);
        assertThat(rollUp.path("unexcusedAbsences").asLong()).isEqualTo(4);

        assertThat(http.post("/api/v1/evaluation/years/" + YEAR + "/close", "{}").status()).as("the city's staff do not close years")
                .isEqualTo(403);
        Http admin = http.as(CITY_ADMIN);
        Http.Response closed = admin.post("/api/v1/evaluation/years/" + YEAR + "/close", "{}");
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().path("branchesRated").asInt()).isEqualTo(8);
        assertThat(closed.body().path("membersRated").asInt()).isEqualTo(7 * 10 + 3);
        assertThat(closed.body().path("alreadyClosed").asBoolean()).isFalse();
        assertThat(closed.body().path("closedBy").asString()).isEqualTo("admin-" + RUN);
        Http.Response again = admin.post("/api/v1/evaluation/years/" + YEAR + "/close", "{}");
        assertThat(again.body().path("alreadyClosed").asBoolean()).isTrue();
        assertThat(again.body().path("membersRated").asInt()).isEqualTo(73);
        assertThat(admin.post("/api/v1/evaluation/years/2026/close", "{}").status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/evaluation/years/1999/close", "{}").status()).isEqualTo(400);

        Map<String, JsonNode> ratings = allRatings(http);
        assertThat(ratings).hasSize(81);
        // branches: one unit (G1) of 7, where b1, b5, b6, b7 meet every rule, b3 all but "no member disciplined"
        assertThat(rating(ratings, "BRANCH", BRANCHES.get(0))).isEqualTo("EXCELLENT");
        for (String b : List.of(FROM, TO, BRANCHES.get(6))) {
            JsonNode r = ratings.get("BRANCH:" + b + ":" + YEAR);
            assertThat(r.path("finalRating").asString()).isEqualTo("GOOD");
            assertThat(evidence(r, "within the EXCELLENT cap of rating unit " + G1))
                    .startsWith("5 rated GOOD or better in the unit, at most 1 EXCELLENT (20%)");
        }
        assertThat(rating(ratings, "BRANCH", DISCIPLINED)).isEqualTo("GOOD");
        assertThat(evidence(ratings.get("BRANCH:" + DISCIPLINED + ":" + YEAR), "no member disciplined in the year"))
                .isEqualTo("disciplined: " + warned);
        assertThat(rating(ratings, "BRANCH", LATE)).isEqualTo("COMPLETED");
        assertThat(evidence(ratings.get("BRANCH:" + LATE + ":" + YEAR), "every monthly regular meeting held and recorded on time"))
                .isEqualTo("12 of 12 held, 11 on time; recorded late [2025-03]");
        assertThat(rating(ratings, "BRANCH", ABSENTEE)).isEqualTo("COMPLETED");
        assertThat(evidence(ratings.get("BRANCH:" + ABSENTEE + ":" + YEAR), "no open serious finding"))
                .isEqualTo("open: " + removal.findingId());
        assertThat(rating(ratings, "BRANCH", GB)).isEqualTo("COMPLETED");
        assertThat(ratings.get("BRANCH:" + GB + ":" + YEAR).path("ratingUnitId").asString()).isEqualTo(D2);
        assertThat(evidence(ratings.get("BRANCH:" + GB + ":" + YEAR), "every monthly regular meeting held and recorded on time"))
                .startsWith("0 of 12 held, 0 on time; missing [2025-01");
        // members: each branch is its members' rating unit
        assertThat(rating(ratings, "MEMBER", warned)).isEqualTo("NOT_COMPLETED");
        assertThat(evidence(ratings.get("MEMBER:" + warned + ":" + YEAR), "not disciplined in the year"))
                .isEqualTo("WARNING on 2025-05-02 (12-QĐ/ĐU)");
        assertThat(rating(ratings, "MEMBER", absentee)).isEqualTo("NOT_COMPLETED");
        assertThat(evidence(ratings.get("MEMBER:" + absentee + ":" + YEAR), "no ground for removal (R-M3)"))
                .startsWith("unexcused absences in 3 month(s) [2025-02, 2025-04, 2025-06] at meetings [");
        JsonNode moved = ratings.get("MEMBER:" + MOVER + ":" + YEAR);
        assertThat(moved.path("ratingUnitId").asString()).isEqualTo(TO);
        assertThat(moved.path("finalRating").asString()).isEqualTo("GOOD");
        assertThat(evidence(moved, "attendance at or above 90%")).isEqualTo("15 present of 16 expected (93.8%)");
        assertThat(ratings.values().stream().filter(r -> r.path("ratingUnitId").asString().equals(BRANCHES.get(0))
                && r.path("finalRating").asString().equals("EXCELLENT")).map(r -> r.path("subjectId").asString()))
                .containsExactlyInAnyOrder(BRANCHES.get(0) + "-m0", BRANCHES.get(0) + "-m1");
        assertThat(ratings.values()).allSatisfy(r -> assertThat(r.path("ruleSetVersion").asString()).startsWith("124-QD-TW-2023/"));
        assertCapHoldsInEveryUnit(ratings.values());

        List<RatingChanged> proposed = await().atMost(Duration.ofSeconds(30)).until(() -> ratingsOf(null, RatingChanged.class).stream()
                .filter(e -> "PROPOSED".equals(e.stage()) && e.year() == YEAR).toList(), l -> l.size() >= 81);
        assertThat(proposed).extracting(e -> e.subjectType() + ":" + e.subjectId() + ":" + e.year())
                .containsExactlyInAnyOrderElementsOf(ratings.keySet());
    }

    @Test
    @Order(3)
    void theCommitteeConfirmsOrOverridesWithAReasonAndEveryDecisionIsKeptAndPublished() {
        Http http = http().as(COMMITTEE_G1);
        String branch = "/api/v1/evaluation/years/" + YEAR + "/ratings/BRANCH/" + FROM;

        Http.Response noReason = http.post(branch + "/override", "{\"rating\":\"EXCELLENT\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").findValuesAsString("field")).containsExactly("reason");
        Problems.assertProblem(http.as(null).post(branch + "/confirmation", "{}"), 401);
        assertThat(http.post("/api/v1/evaluation/years/" + YEAR + "/ratings/CELL/" + FROM + "/confirmation", "{}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/evaluation/years/" + YEAR + "/ratings/BRANCH/nobody/confirmation", "{}").status())
                .isEqualTo(404);
        assertThat(http.as(TestTokens.issue("committee-of-" + FROM, FROM, Role.COMMITTEE_STAFF)).post(branch + "/confirmation", "{}")
                .status()).as("a branch does not confirm its own rating: the committee above it does").isEqualTo(403);

        Http.Response confirmed = http.post(branch + "/confirmation", "{}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().path("stage").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.body().path("finalRating").asString()).isEqualTo("GOOD");
        assertThat(http.post(branch + "/confirmation", "{}").status()).isEqualTo(409);

        Http.Response overridden = http.post(branch + "/override",
                "{\"rating\":\"EXCELLENT\",\"reason\":\"kết quả nổi bật: outstanding results, above the cap by decision\"}");
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().path("finalRating").asString()).isEqualTo("EXCELLENT");
        assertThat(overridden.body().path("proposedRating").asString()).isEqualTo("GOOD");
        assertThat(overridden.body().path("decisions").findValuesAsString("decision")).containsExactly("CONFIRMED", "OVERRIDDEN");
        assertThat(overridden.body().path("decisions").get(1).path("previousRating").asString()).isEqualTo("GOOD");

        List<RatingDecided> decided = await().atMost(Duration.ofSeconds(30)).until(() -> ratingsOf(FROM, RatingDecided.class), l -> l.size() >= 2);
        assertThat(decided).extracting(RatingDecided::decision).containsExactly("CONFIRMED", "OVERRIDDEN");
        assertThat(decided.get(1).reason()).startsWith("kết quả nổi bật");
        assertThat(decided.get(1).decidedBy()).isEqualTo("committee-g1");

        // the service reads its own decisions back (for a rebuild): delivered again, once under a new event id, nothing changes
        for (RatingDecided d : decided) {
            twice(EventCatalogue.RATING_DECIDED, FROM, "BRANCH:" + FROM + ":" + YEAR, d);
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get(branch).body().path("decisions").findValuesAsString("decisionId"))
                        .containsExactly(decided.get(0).decisionId(), decided.get(1).decisionId()));
        assertThat(http.get(branch).body().path("finalRating").asString()).isEqualTo("EXCELLENT");
    }

    @Test
    @Order(4)
    void statisticsCompareTheYearWithTheOneBeforePerDistrictAndCity() {
        JsonNode report = http().get("/api/v1/evaluation/statistics?year=" + YEAR).body();

        assertThat(report.path("organisationId").asString()).as("the caller's own organisation by default").isEqualTo(CITY);
        JsonNode city = report.path("total").path("current");
        assertThat(city.path("organisations").path("rated").asInt()).isEqualTo(8);
        // after the override: b1 and FROM EXCELLENT, b3, b6, b7 GOOD
        assertThat(city.path("organisations").path("byRating").path("EXCELLENT").asInt()).isEqualTo(2);
        assertThat(city.path("organisations").path("goodOrBetterShare").asDouble()).isEqualTo(5.0 / 8);
        assertThat(city.path("members").path("rated").asInt()).isEqualTo(73);
        assertThat(city.path("members").path("byRating").path("NOT_COMPLETED").asInt()).isEqualTo(2);
        assertThat(report.path("total").path("previous").path("members").path("rated").asInt()).isZero();
        JsonNode activity = city.path("activity");
        assertThat(activity.path("branches").asInt()).isEqualTo(8);
        assertThat(activity.path("branchesMeetingEveryMonth").asInt()).as("all but the grassroots branch").isEqualTo(7);
        assertThat(activity.path("meetings").asLong()).isEqualTo(7 * 16);
        assertThat(activity.path("membersOnRosters").asInt()).isEqualTo(70);
        JsonNode d2 = findDistrict(report, D2);
        assertThat(d2.path("figures").path("current").path("organisations").path("byRating").path("COMPLETED").asInt()).isEqualTo(1);
        assertThat(d2.path("figures").path("current").path("members").path("rated").asInt()).isEqualTo(3);
        assertThat(http().get("/api/v1/evaluation/statistics?year=abc").status()).isEqualTo(400);

        // one district's subtree: its figures alone, the other district not shown
        JsonNode district2 = http().as(CITY_ADMIN).get("/api/v1/evaluation/statistics?year=" + YEAR + "&organisationId=" + D2).body();
        assertThat(district2.path("total").path("current").path("members").path("rated").asInt()).isEqualTo(3);
        assertThat(district2.path("districts").findValuesAsString("districtId")).containsExactly(D2);
        JsonNode ownDistrict = http().as(TestTokens.issue("staff-d2", D2, Role.COMMITTEE_STAFF))
                .get("/api/v1/evaluation/statistics?year=" + YEAR).body();
        assertThat(ownDistrict.path("total")).isEqualTo(district2.path("total"));
        assertThat(http().as(TestTokens.issue("staff-d2", D2, Role.COMMITTEE_STAFF))
                .get("/api/v1/evaluation/statistics?year=" + YEAR + "&organisationId=" + D1).status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void droppingTheDatabaseAndReplayingTheTopicsGivesIdenticalRatings() throws Exception {
        Http http = http();
        Map<String, JsonNode> before = allRatings(http);
        JsonNode cardBefore = http.get("/api/v1/scorecards/" + ABSENTEE + "?year=" + YEAR).body();
        JsonNode memberBefore = http.get("/api/v1/scorecards/members/" + MOVER + "?year=" + YEAR).body();
        JsonNode statisticsBefore = http.get("/api/v1/evaluation/statistics?year=" + YEAR).body();

        listeners.stop();
        mongo.getDb().drop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.kafkaBootstrap()))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    admin.deleteConsumerGroups(List.of(env.getProperty("spring.application.name"))).all().get());
        }
        assertThat(http.get("/api/v1/evaluation/years/" + YEAR + "/ratings/BRANCH/" + FROM).status()).isEqualTo(404);
        listeners.start();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(allRatings(http)).isEqualTo(before);
            assertThat(http.get("/api/v1/scorecards/" + ABSENTEE + "?year=" + YEAR).body()).isEqualTo(cardBefore);
            assertThat(http.get("/api/v1/scorecards/members/" + MOVER + "?year=" + YEAR).body()).isEqualTo(memberBefore);
        });
        assertThat(http.get("/api/v1/evaluation/statistics?year=" + YEAR).body()).isEqualTo(statisticsBefore);
        assertThat(http.as(CITY_ADMIN).post("/api/v1/evaluation/years/" + YEAR + "/close", "{}").body().path("alreadyClosed").asBoolean())
                .isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void register(String id, String parent, String kind, String path) {
        twice(EventCatalogue.ORGANISATION_REGISTERED, id, id, new OrganisationRegistered(id, parent, kind, "Tổ chức " + id, path,
                Instant.now(), null, kind.endsWith("BRANCH") ? "RESIDENTIAL_GROUP" : null, null));
    }

    private static MeetingRecorded meeting(String branch, String path, String type, String period, LocalDate heldOn, int closedAfterDays,
                                           Map<String, String> attendance) {
        List<Attendee> roster = new ArrayList<>();
        attendance.forEach((id, a) -> roster.add(new Attendee(id, "Đảng viên " + id, "OFFICIAL", false, a,
                a.equals("PRESENT") ? null : "—")));
        return new MeetingRecorded(UUID.randomUUID().toString(), branch, path, type, "IN_PERSON", heldOn, null, null,
                heldOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), "THEMATIC".equals(type) ? "Học tập nghị quyết" : null,
                roster, null, "BRANCH", null, period, "hội trường", heldOn.plusDays(closedAfterDays), null);
    }

    private static Map<String, JsonNode> allRatings(Http http) {
        Map<String, JsonNode> all = new java.util.TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = http.get("/api/v1/evaluation/years/" + YEAR + "/ratings?size=50&page=" + page).body().path("items");
            items.forEach(r -> all.put(r.path("id").asString(), r));
            if (items.size() < 50) {
                return all;
            }
        }
    }

    private static String rating(Map<String, JsonNode> ratings, String subjectType, String id) {
        return ratings.get(subjectType + ":" + id + ":" + YEAR).path("finalRating").asString();
    }

    private static String evidence(JsonNode rating, String criterion) {
        for (JsonNode c : rating.path("criteria")) {
            if (c.path("name").asString().equals(criterion)) {
                return c.path("evidence").asString();
            }
        }
        throw new AssertionError("no criterion " + criterion + " in " + rating);
    }

    /** In every rating unit, EXCELLENT as proposed is at most a fifth (floor) of those proposed GOOD or better. */
    private static void assertCapHoldsInEveryUnit(java.util.Collection<JsonNode> ratings) {
        Map<String, int[]> units = new HashMap<>();
        ratings.forEach(r -> {
            int[] counts = units.computeIfAbsent(r.path("subjectType").asString() + "/" + r.path("ratingUnitId").asString(), u -> new int[2]);
            String proposed = r.path("proposedRating").asString();
            if (proposed.equals("EXCELLENT") || proposed.equals("GOOD")) {
                counts[0]++;
            }
            if (proposed.equals("EXCELLENT")) {
                counts[1]++;
            }
        });
        units.forEach((unit, c) -> assertThat(c[1]).as(unit).isLessThanOrEqualTo(c[0] / 5));
    }

    private static JsonNode findDistrict(JsonNode report, String id) {
        for (JsonNode d : report.path("districts")) {
            if (d.path("districtId").asString().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no district " + id + " in " + report);
    }

    private <T> List<T> ratingsOf(String key, Class<T> payload) {
        return TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "evaluation.ratings", r -> key == null || key.equals(r.key()), Duration.ofSeconds(2))
                .stream().map(CloudEvents::fromRecord).filter(e -> e.type().payloadClass() == payload)
                .map(e -> payload.cast(e.data())).toList();
    }
}
