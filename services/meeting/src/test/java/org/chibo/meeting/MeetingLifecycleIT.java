package org.chibo.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.chassis.testing.Problems.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberCellAssigned;
import org.chibo.contracts.membership.MemberExempted;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.meeting.roster.BranchRoster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A meeting taken through its whole life against the real broker and store: scheduled, opened, checked in, closed
 * with its minutes, amended; and every step's refusals (naming the field, nothing written).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeetingLifecycleIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "meeting-lifecycle-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    Http http;
    String branch;
    String cell;
    /** 0–3 official, 4 probationary, 5 exempt, 6 admitted next year (not yet on the rolls today). */
    List<String> members;
    LocalDate today;

    @BeforeEach
    void branchWithSevenMembers() throws Exception {
        today = BusinessDates.today(java.time.Clock.systemUTC());
        branch = UUID.randomUUID().toString();
        cell = UUID.randomUUID().toString();
        // the branch's secretary runs its meetings; members check themselves in with their own tokens
        http = new Http("http://localhost:" + env.getProperty("local.server.port"),
                TestTokens.issue("bi-thu-" + branch, branch, Role.BRANCH_SECRETARY));
        List<PendingEvent> events = new ArrayList<>();
        events.add(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, branch, branch, new OrganisationRegistered(branch, null,
                "GRASSROOTS_BRANCH", "Chi bộ Trường THPT Ngô Quyền", "/" + branch + "/", Instant.now(), null, "SCHOOL", 5), Instant.now()));
        events.add(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, cell, cell, new OrganisationRegistered(cell, branch,
                "CELL", "Tổ đảng 1", "/" + branch + "/" + cell + "/", Instant.now(), null, null, null), Instant.now()));
        members = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "m" + i + "-" + UUID.randomUUID();
            members.add(id);
            LocalDate admitted = i == 6 ? today.plusYears(1) : LocalDate.of(2020, 1, 1);
            events.add(PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, id, id, new MemberAdmitted(id, branch, "/" + branch + "/",
                    "Đảng viên " + i, "HP-" + id.substring(0, 8), i == 4 ? "PROBATIONARY" : "OFFICIAL", admitted), Instant.now()));
        }
        events.add(PendingEvent.of(EventCatalogue.MEMBER_EXEMPTED, members.get(5), members.get(5),
                new MemberExempted(members.get(5), branch, "tuổi cao", LocalDate.of(2024, 1, 1), null), Instant.now()));
        for (int i = 0; i < 2; i++) {
            events.add(PendingEvent.of(EventCatalogue.MEMBER_CELL_ASSIGNED, members.get(i), members.get(i),
                    new MemberCellAssigned(members.get(i), branch, cell, today), Instant.now()));
        }
        for (PendingEvent e : events) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            BranchRoster r = mongo.findById(branch, BranchRoster.class);
            return r != null && r.memberList().size() == 7 && r.members().get(members.get(5)).exemptFrom() != null
                    && r.members().get(members.get(1)).cellId() != null && mongo.findById(cell, BranchRoster.class) != null;
        });
    }

    @Test
    void aMeetingGoesFromTheCalendarToItsRecordAndTheEventHoldsTheWholeRecord() {
        Http.Response scheduled = http.post("/api/v1/meetings/schedule", Http.json(Map.of("branchId", branch, "type", "REGULAR",
                "on", today.toString(), "place", "Phòng họp tầng 2", "agenda", List.of("Thời sự", "Nhiệm vụ tháng tới"))));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String id = scheduled.text("id");
        assertThat(scheduled.text("status")).isEqualTo("SCHEDULED");
        assertThat(scheduled.text("period")).isEqualTo(today.toString().substring(0, 7));

        Http.Response opened = http.post("/api/v1/meetings/" + id + "/open", "{}");
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
        String code = opened.body().path("checkIn").path("code").asString();
        assertThat(code).hasSize(8);
        assertThat(opened.body().path("checkIn").path("qrPayload").asString()).contains(id).contains(code);
        // the member admitted next year is not on today's roster
        assertThat(opened.body().path("roster").size()).isEqualTo(6);

        assertThat(asMember(members.get(0)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(0), "code", code))).status()).isEqualTo(200);
        assertThat(asMember(members.get(1)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(1), "code", code.toLowerCase()))).status()).isEqualTo(200);
        // twice is once
        assertThat(asMember(members.get(1)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(1), "code", code))).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(2), "method", "SECRETARY"))).status()).isEqualTo(200);
        assertThat(asMember(members.get(4)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(4), "code", code))).status()).isEqualTo(200);
        // a member reads their branch's open meeting without its code (which would let them check in from anywhere),
        // and checks in only themselves, never "by the secretary's hand"
        Http.Response seenByMember = asMember(members.get(3)).get("/api/v1/meetings/" + id);
        assertThat(seenByMember.status()).as(seenByMember.body().toString()).isEqualTo(200);
        assertThat(seenByMember.body().path("checkIn").isNull() || seenByMember.body().path("checkIn").isMissingNode()).isTrue();
        assertProblem(asMember(members.get(3)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(5), "code", code))), 403);
        assertProblem(asMember(members.get(3)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(3), "method", "SECRETARY"))), 403);
        assertProblem(asMember(members.get(3)).post("/api/v1/meetings/" + id + "/close", Http.json(Map.of("minutes", minutes(members.get(0), members.get(1))))), 403);
        assertThat(http.post("/api/v1/meetings/" + id + "/check-outs", Http.json(Map.of("memberId", members.get(2)))).status()).isEqualTo(200);
        assertThat(http.put("/api/v1/meetings/" + id + "/attendance/" + members.get(3),
                Http.json(Map.of("status", "ABSENT_EXCUSED", "reason", "ốm"))).status()).isEqualTo(200);

        // refusals while open: wrong code, a stranger, online presence at an in-person meeting, closing without every part
        assertProblem(asMember(members.get(3)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(3), "code", "WRONG123"))), 422, "code");
        assertProblem(asMember("stranger").post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", "stranger", "code", code))), 422, "memberId");
        assertProblem(asMember(members.get(3)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(3), "method", "ONLINE"))), 422, "method");
        Map<String, Object> incomplete = minutes(members.get(0), members.get(1));
        incomplete.remove("conclusion");
        assertProblem(http.post("/api/v1/meetings/" + id + "/close", Http.json(Map.of("minutes", incomplete))), 422, "minutes.conclusion");
        // the probationary member does not vote: 3 official present, 4 votes
        assertProblem(http.post("/api/v1/meetings/" + id + "/close", Http.json(Map.of("minutes", minutes(members.get(0), members.get(1)),
                "vote", Map.of("inFavour", 4, "against", 0, "abstained", 0)))), 422, "vote");
        // a chair who was not there
        assertProblem(http.post("/api/v1/meetings/" + id + "/close", Http.json(Map.of("minutes", minutes(members.get(3), members.get(1))))), 422, "minutes.chairId");

        Http.Response closed = http.post("/api/v1/meetings/" + id + "/close", Http.json(Map.of("minutes", minutes(members.get(0), members.get(1)),
                "vote", Map.of("inFavour", 3, "against", 0, "abstained", 0))));
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("RECORDED");
        assertThat(closed.body().path("checkIn").isNull() || closed.body().path("checkIn").isMissingNode()).isTrue();
        assertProblem(asMember(members.get(3)).post("/api/v1/meetings/" + id + "/check-ins", Http.json(Map.of("memberId", members.get(3), "code", code))), 409, "status");

        Map<String, IncomingEvent> events = eventsOf(id, 3);
        assertThat(events).containsKeys("chibo.meeting.scheduled.v1", "chibo.meeting.opened.v1", "chibo.meeting.recorded.v1");
        MeetingRecorded recorded = events.get("chibo.meeting.recorded.v1").dataAs(EventCatalogue.MEETING_RECORDED);
        Map<String, MeetingRecorded.Attendee> roster = new LinkedHashMap<>();
        recorded.roster().forEach(a -> roster.put(a.memberId(), a));
        assertThat(roster).hasSize(6).doesNotContainKey(members.get(6));
        assertThat(roster.get(members.get(0)).attendance()).isEqualTo("PRESENT");
        assertThat(roster.get(members.get(0)).checkIn()).isEqualTo("CODE");
        assertThat(roster.get(members.get(2)).checkIn()).isEqualTo("SECRETARY");
        assertThat(roster.get(members.get(2)).leftAt()).isNotNull();
        assertThat(roster.get(members.get(3)).attendance()).isEqualTo("ABSENT_EXCUSED");
        assertThat(roster.get(members.get(3)).reason()).isEqualTo("ốm");
        assertThat(roster.get(members.get(4)).memberStatus()).isEqualTo("PROBATIONARY");
        assertThat(roster.get(members.get(5)).exempt()).isTrue();
        assertThat(recorded.minutes().chairId()).isEqualTo(members.get(0));
        assertThat(recorded.minutes().resolution().tasks()).singleElement().extracting(MeetingRecorded.Task::memberId).isEqualTo(members.get(1));
        assertThat(recorded.vote()).isEqualTo(new MeetingRecorded.Vote(3, 0, 0));
        assertThat(recorded.closedOn()).isEqualTo(today);
        assertThat(recorded.period()).isEqualTo(today.toString().substring(0, 7));
        assertThat(recorded.place()).isEqualTo("Phòng họp tầng 2");

        // an amendment keeps the earlier record and publishes the whole new one
        assertProblem(http.post("/api/v1/meetings/" + id + "/amendments", Http.json(Map.of("reason", "sửa"))), 422, "reason");
        Http.Response amended = http.post("/api/v1/meetings/" + id + "/amendments", Http.json(Map.of("reason", "ghi sót lý do vắng",
                "attendance", List.of(Map.of("memberId", members.get(3), "status", "ABSENT_EXCUSED", "reason", "ốm nằm viện")))));
        assertThat(amended.status()).as(amended.body().toString()).isEqualTo(200);
        assertThat(amended.body().path("revision").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/meetings/" + id + "/amendments").body().get(0).path("roster").toString()).contains("\"ốm\"");
        MeetingAmended amendment = eventsOf(id, 4).get("chibo.meeting.amended.v1").dataAs(EventCatalogue.MEETING_AMENDED);
        assertThat(amendment.revision()).isEqualTo(1);
        assertThat(amendment.record().roster()).anySatisfy(a -> assertThat(a.reason()).isEqualTo("ốm nằm viện"));
    }

    @Test
    void theCalendarHoldsOneRegularMeetingAMonthAndPostponementsStayInTheirPeriod() {
        Map<String, Object> regular = Map.of("branchId", branch, "type", "REGULAR", "on", today.toString());
        String id = http.post("/api/v1/meetings/schedule", Http.json(regular)).text("id");
        assertProblem(http.post("/api/v1/meetings/schedule", Http.json(regular)), 409, "period");
        assertProblem(http.post("/api/v1/meetings/schedule", Http.json(Map.of("branchId", branch, "type", "REGULAR",
                "on", today.minusDays(1).toString()))), 422, "on");
        assertProblem(http.post("/api/v1/meetings/schedule", Http.json(Map.of("branchId", branch, "type", "THEMATIC",
                "on", today.toString()))), 422, "topic");
        assertProblem(http.post("/api/v1/meetings/" + id + "/postpone", Http.json(Map.of("to", today.plusMonths(1).withDayOfMonth(1).toString(),
                "reason", "bão"))), 422, "to");

        assertThat(http.post("/api/v1/meetings/" + id + "/cancel", Http.json(Map.of("reason", "bão số 3"))).text("status")).isEqualTo("CANCELLED");
        assertProblem(http.post("/api/v1/meetings/" + id + "/open", "{}"), 409, "status");
        // the month's regular meeting may be scheduled again once the first is cancelled
        assertThat(http.post("/api/v1/meetings/schedule", Http.json(regular)).status()).isEqualTo(201);
        assertThat(eventsOf(id, 2)).containsKeys("chibo.meeting.scheduled.v1", "chibo.meeting.cancelled.v1");
    }

    @Test
    void aPartyCellMeetsWithItsOwnMembersAndTranscribedMinutesKeepTheirGaps() {
        String held = today.minusDays(today.getDayOfMonth() > 1 ? 1 : 0).toString();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("branchId", branch, "type", "REGULAR", "scope", "CELL", "cellId", cell,
                "heldOn", held, "reference", "paper-" + branch,
                "attendance", List.of(Map.of("memberId", members.get(0), "status", "PRESENT"), Map.of("memberId", members.get(1), "status", "PRESENT")),
                "minutes", Map.of("chairId", members.get(0), "contentItems", List.of("Thời sự"), "signedByChair", true, "signedByMinuteTaker", false)));
        Map<String, Object> wrongMember = new LinkedHashMap<>(body);
        wrongMember.put("attendance", List.of(Map.of("memberId", members.get(0), "status", "PRESENT"), Map.of("memberId", members.get(2), "status", "PRESENT")));
        assertProblem(http.post("/api/v1/meetings", Http.json(wrongMember)), 422, "attendance[1].memberId");
        Map<String, Object> foreignCell = new LinkedHashMap<>(body);
        foreignCell.put("cellId", branch);
        assertProblem(http.post("/api/v1/meetings", Http.json(foreignCell)), 422, "cellId");
        Map<String, Object> closedEarly = new LinkedHashMap<>(body);
        closedEarly.put("closedOn", LocalDate.parse(held).minusDays(1).toString());
        assertProblem(http.post("/api/v1/meetings", Http.json(closedEarly)), 422, "closedOn");

        Http.Response created = http.post("/api/v1/meetings", Http.json(body));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("missingParts").toString())
                .contains("minuteTakerId", "conclusion", "resolution", "signedByMinuteTaker").doesNotContain("chairId");
        assertProblem(http.post("/api/v1/meetings", Http.json(body)), 409, "reference");
        MeetingRecorded recorded = eventsOf(created.text("id"), 1).get("chibo.meeting.recorded.v1").dataAs(EventCatalogue.MEETING_RECORDED);
        assertThat(recorded.scope()).isEqualTo("CELL");
        assertThat(recorded.cellId()).isEqualTo(cell);
        assertThat(recorded.roster()).hasSize(2);
        assertThat(recorded.minutes().minuteTakerId()).isNull();
    }

    @Test
    void aCommitteeSeesWhereEachOfItsBranchesStandsWithThisMonthsMeeting() throws Exception {
        String committee = UUID.randomUUID().toString();
        String scheduledBranch = UUID.randomUUID().toString();
        String recordedBranch = UUID.randomUUID().toString();
        String idle = UUID.randomUUID().toString();
        List<PendingEvent> events = new ArrayList<>();
        events.add(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, committee, committee, new OrganisationRegistered(committee, null,
                "GRASSROOTS_COMMITTEE", "Đảng bộ phường Máy Tơ", "/" + committee + "/", Instant.now(), null, null, null), Instant.now()));
        String member = "m-" + UUID.randomUUID();
        for (String b : List.of(scheduledBranch, recordedBranch, idle)) {
            events.add(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, b, b, new OrganisationRegistered(b, committee, "BRANCH",
                    "Chi bộ " + b.substring(0, 4), "/" + committee + "/" + b + "/", Instant.now(), null, "RESIDENTIAL_GROUP", null), Instant.now()));
        }
        events.add(PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, member, member, new MemberAdmitted(member, recordedBranch,
                "/" + committee + "/" + recordedBranch + "/", "Đảng viên", "HP-" + member.substring(2, 10), "OFFICIAL", LocalDate.of(2020, 1, 1)), Instant.now()));
        for (PendingEvent e : events) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(recordedBranch, BranchRoster.class) != null
                && mongo.findById(recordedBranch, BranchRoster.class).memberList().size() == 1
                && mongo.findById(idle, BranchRoster.class) != null && mongo.findById(scheduledBranch, BranchRoster.class) != null);
        // the committee's staff schedule and record in its branches and read its overview
        Http http = this.http.as(TestTokens.issue("ban-to-chuc-" + committee, committee, Role.COMMITTEE_STAFF));

        assertThat(http.post("/api/v1/meetings/schedule", Http.json(Map.of("branchId", scheduledBranch, "type", "REGULAR",
                "on", today.toString()))).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/meetings", Http.json(Map.of("branchId", recordedBranch, "type", "REGULAR", "heldOn", today.toString(),
                "attendance", List.of(Map.of("memberId", member, "status", "PRESENT"))))).status()).isEqualTo(201);

        String month = today.toString().substring(0, 7);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response overview = http.get("/api/v1/meetings/overview/committee?organisationId=" + committee + "&month=" + month);
            assertThat(overview.status()).as(overview.body().toString()).isEqualTo(200);
            assertThat(overview.body().path("branches").asInt()).isEqualTo(3);
            assertThat(overview.body().path("counts").path("RECORDED").asInt()).isEqualTo(1);
            assertThat(overview.body().path("counts").path("SCHEDULED").asInt()).isEqualTo(1);
            assertThat(overview.body().path("counts").path("NONE").asInt()).isEqualTo(1);
        });
        Http.Response none = http.get("/api/v1/meetings/overview/committee?organisationId=" + committee + "&month=" + month + "&status=NONE");
        assertThat(none.body().path("items")).singleElement().satisfies(b -> assertThat(b.path("branchId").asString()).isEqualTo(idle));
        assertProblem(http.get("/api/v1/meetings/overview/committee?organisationId=" + committee + "&month=" + month + "&size=5000"), 400, "size");
        assertProblem(http.get("/api/v1/meetings/overview/committee?organisationId=" + committee + "&month=13-2026"), 400, "month");

        Http.Response year = http.get("/api/v1/meetings/overview/branch?branchId=" + recordedBranch + "&year=" + today.getYear());
        assertThat(year.body().path("months").get(today.getMonthValue() - 1).path("status").asString()).isEqualTo("RECORDED");
        assertThat(year.body().path("regularRecorded").asInt()).isEqualTo(1);
        assertThat(year.body().path("attendanceRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theCalendarCountsEachMeetingOnceWhateverIsDeliveredTwice() throws Exception {
        String meetingId = UUID.randomUUID().toString();
        LocalDate day = LocalDate.of(2025, 3, 12);
        List<MeetingRecorded.Attendee> roster = List.of(new MeetingRecorded.Attendee(members.get(0), null, "OFFICIAL", false, "PRESENT", null),
                new MeetingRecorded.Attendee(members.get(1), null, "OFFICIAL", false, "ABSENT_UNEXCUSED", null));
        MeetingRecorded recorded = new MeetingRecorded(meetingId, branch, "/" + branch + "/", "REGULAR", "IN_PERSON", day, null, null,
                Instant.now(), null, roster, null, "BRANCH", null, "2025-03", null, day, null);
        List<MeetingRecorded.Attendee> corrected = List.of(roster.get(0),
                new MeetingRecorded.Attendee(members.get(1), null, "OFFICIAL", false, "PRESENT", null));
        MeetingAmended amended = new MeetingAmended(new MeetingRecorded(meetingId, branch, "/" + branch + "/", "REGULAR", "IN_PERSON", day,
                null, null, Instant.now(), null, corrected, null, "BRANCH", null, "2025-03", null, day, null), 1, "đến muộn, có mặt", "thu-ky", Instant.now());
        PendingEvent first = PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch, meetingId, recorded, Instant.now());
        PendingEvent second = PendingEvent.of(EventCatalogue.MEETING_AMENDED, branch, meetingId, amended, Instant.now());
        for (PendingEvent e : List.of(first, first, second, second)) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response year = http.get("/api/v1/meetings/overview/branch?branchId=" + branch + "&year=2025");
            assertThat(year.body().path("months").get(2).path("meetings")).singleElement().satisfies(m -> {
                assertThat(m.path("present").asInt()).isEqualTo(2);
                assertThat(m.path("expected").asInt()).isEqualTo(2);
            });
            assertThat(year.body().path("regularRecorded").asInt()).isEqualTo(1);
        });
    }

    /** A member's own token: bound to their branch, naming their member record. */
    private Http asMember(String memberId) {
        return http.as(TestTokens.as("dang-vien-" + memberId).in(branch).roles(Role.MEMBER).member(memberId).sign());
    }

    private static Map<String, Object> minutes(String chair, String taker) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chairId", chair);
        m.put("minuteTakerId", taker);
        m.put("contentItems", List.of("Thông tin thời sự", "Kiểm điểm nghị quyết tháng trước"));
        m.put("conclusion", "Chi bộ thống nhất nhiệm vụ tháng tới");
        m.put("resolution", Map.of("text", "Nghị quyết tháng", "adopted", true,
                "tasks", List.of(Map.of("memberId", taker, "description", "Vận động đóng đảng phí", "dueOn", "2027-01-10"))));
        m.put("signedByChair", true);
        m.put("signedByMinuteTaker", true);
        return m;
    }

    /** The meeting's events by type, once {@code count} of them are on the topic. */
    private Map<String, IncomingEvent> eventsOf(String meetingId, int count) {
        Map<String, IncomingEvent> byType = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            byType.clear();
            for (ConsumerRecord<String, byte[]> r : TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events",
                    r -> branch.equals(r.key()), Duration.ofSeconds(1))) {
                IncomingEvent e = CloudEvents.fromRecord(r);
                if (meetingId.equals(e.subject())) {
                    byType.put(e.type().type(), e);
                }
            }
            assertThat(byType).hasSizeGreaterThanOrEqualTo(count);
        });
        return byType;
    }
}
