package org.chibo.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import static org.chibo.chassis.testing.Problems.assertProblem;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.chassis.security.Role;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberCellAssigned;
import org.chibo.contracts.membership.MemberExempted;
import org.chibo.contracts.membership.MemberLeft;
import org.chibo.contracts.membership.MemberReassigned;
import org.chibo.contracts.membership.OrganisationMerged;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberRecognised;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OnlineEligibilitySet;
import org.chibo.contracts.membership.OrganisationDissolved;
import org.chibo.contracts.membership.OrganisationMoved;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeetingIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "meeting-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    Http http;
    String branch;
    List<String> members;

    @BeforeEach
    void branchWithFourMembersDeliveredTwice() throws Exception {
        branch = UUID.randomUUID().toString();
        // the branch's secretary records its meetings (Access policy: BRANCH_SECRETARY inside the branch)
        http = new Http("http://localhost:" + env.getProperty("local.server.port"),
                TestTokens.issue("bi-thu-" + branch, branch, Role.BRANCH_SECRETARY));
        List<PendingEvent> events = new ArrayList<>();
        events.add(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, branch, branch,
                new OrganisationRegistered(branch, null, "GRASSROOTS_BRANCH", "Chi bộ Cảng Hải Phòng", "/" + branch + "/", Instant.now(), null, "ENTERPRISE", null), Instant.now()));
        members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = UUID.randomUUID().toString();
            members.add(id);
            events.add(PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, id, id, new MemberAdmitted(id, branch, "/" + branch + "/",
                    "Đảng viên " + i, "HP-" + id.substring(0, 8), i == 3 ? "PROBATIONARY" : "OFFICIAL", LocalDate.of(2020, 1, 1)), Instant.now()));
        }
        for (PendingEvent e : events) {
            kafka.send(CloudEvents.toRecord(e)).get();
            kafka.send(CloudEvents.toRecord(e)).get();
        }
    }

    @Test
    void aRecordedMeetingPublishesTheWholeRecord() {
        String body = meeting(List.of("PRESENT", "PRESENT", "ABSENT_EXCUSED", "PRESENT"), Map.of("inFavour", 2, "against", 0, "abstained", 0));

        Http.Response created = await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/v1/meetings", body), r -> r.status() != 422);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(rosterSize()).isEqualTo(4);
        String meetingId = created.text("id");
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events",
                r -> branch.equals(r.key()), Duration.ofSeconds(2));
        assertThat(records).hasSize(1);
        MeetingRecorded recorded = CloudEvents.fromRecord(records.get(0)).dataAs(EventCatalogue.MEETING_RECORDED);
        assertThat(recorded.meetingId()).isEqualTo(meetingId);
        assertThat(recorded.roster()).extracting(MeetingRecorded.Attendee::memberId).containsExactlyElementsOf(members);
        assertThat(recorded.roster()).extracting(MeetingRecorded.Attendee::memberStatus)
                .containsExactly("OFFICIAL", "OFFICIAL", "OFFICIAL", "PROBATIONARY");
        assertThat(recorded.roster().get(2).reason()).isEqualTo("công tác");
        assertThat(recorded.vote()).isEqualTo(new MeetingRecorded.Vote(2, 0, 0));
        assertThat(http.get("/api/v1/meetings/" + meetingId).status()).isEqualTo(200);
    }

    @Test
    void badRecordsAreRefusedNamingTheFieldAndNothingIsPublished() {
        String ok = meeting(List.of("PRESENT", "PRESENT", "PRESENT", "PRESENT"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 4);

        // the probationary member present does not vote: 3 official present, 4 votes
        assertProblem(http.post("/api/v1/meetings", meeting(List.of("PRESENT", "PRESENT", "PRESENT", "PRESENT"),
                Map.of("inFavour", 4, "against", 0, "abstained", 0))), 422, "vote");
        assertProblem(http.post("/api/v1/meetings", ok.replace(members.get(1), "someone-else")), 422, "attendance[1].memberId");
        assertProblem(http.post("/api/v1/meetings", ok.replace(",{\"memberId\":\"" + members.get(3) + "\",\"status\":\"PRESENT\",\"reason\":null}", "")), 422, "attendance");
        assertProblem(http.post("/api/v1/meetings", ok.replace("2026-10-", "2999-10-")), 422, "heldOn");
        assertProblem(http.post("/api/v1/meetings", ok.replace("\"REGULAR\"", "\"WEEKLY\"")), 400, "type");
        assertProblem(http.post("/api/v1/meetings", ok.replace(branch, "unknown-branch")), 422, "branchId");
        assertProblem(http.post("/api/v1/meetings", ok.replace("\"type\":\"REGULAR\"",
                "\"type\":\"REGULAR\",\"restrictedMatters\":[\"PERSONNEL\",\"GOSSIP\"]")), 400, "restrictedMatters[1]");

        assertThat(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events", r -> branch.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
    }


    @Test
    void rostersFollowRecognitionAndExemption() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 4);
        String probationary = members.get(3);
        String exempt = members.get(2);
        PendingEvent recognised = PendingEvent.of(EventCatalogue.MEMBER_RECOGNISED, probationary, probationary,
                new MemberRecognised(probationary, branch, LocalDate.of(2021, 2, 1), "12-QĐ/ĐU"), Instant.now());
        PendingEvent exempted = PendingEvent.of(EventCatalogue.MEMBER_EXEMPTED, exempt, exempt,
                new MemberExempted(exempt, branch, "tuổi cao", LocalDate.of(2026, 1, 1), null), Instant.now());
        for (PendingEvent e : List.of(recognised, exempted, recognised, exempted)) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }
        // the exempt member is left off the list; the recognised member now votes
        String body = "{\"branchId\":\"" + branch + "\",\"type\":\"REGULAR\",\"heldOn\":\"2026-10-05\",\"attendance\":["
                + "{\"memberId\":\"" + members.get(0) + "\",\"status\":\"PRESENT\"},"
                + "{\"memberId\":\"" + members.get(1) + "\",\"status\":\"PRESENT\"},"
                + "{\"memberId\":\"" + probationary + "\",\"status\":\"PRESENT\"}],"
                + "\"vote\":{\"inFavour\":3,\"against\":0,\"abstained\":0}}";

        Http.Response created = await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/v1/meetings", body), r -> r.status() != 422);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        MeetingRecorded recorded = CloudEvents.fromRecord(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events",
                r -> branch.equals(r.key()), Duration.ofSeconds(2)).get(0)).dataAs(EventCatalogue.MEETING_RECORDED);
        assertThat(recorded.roster()).hasSize(4);
        assertThat(recorded.roster()).filteredOn(a -> a.memberId().equals(exempt)).singleElement()
                .satisfies(a -> assertThat(a.exempt()).isTrue());
        assertThat(recorded.roster()).filteredOn(a -> a.memberId().equals(probationary)).singleElement()
                .satisfies(a -> assertThat(a.memberStatus()).isEqualTo("OFFICIAL"));
    }

    @Test
    void aTransferredMemberMovesToTheReceivingRosterAndADeceasedOneLeavesIt() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 4);
        String leaving = members.get(0);
        String target = UUID.randomUUID().toString();
        kafka.send(CloudEvents.toRecord(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, target, target,
                new OrganisationRegistered(target, null, "GRASSROOTS_BRANCH", "Chi bộ đích", "/" + target + "/", Instant.now(), null, null, null),
                Instant.now()))).get();
        PendingEvent out = PendingEvent.of(EventCatalogue.MEMBER_TRANSFERRED_OUT, leaving, leaving,
                new MemberTransferredOut(leaving, branch, target, "OFFICIAL", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 14)), Instant.now());
        PendingEvent in = PendingEvent.of(EventCatalogue.MEMBER_RECEIVED, leaving, leaving,
                new MemberReceived(leaving, branch, target, "/" + target + "/", "Đảng viên 0", "OFFICIAL", "OFFICIAL", LocalDate.of(2026, 11, 9)),
                Instant.now());
        String died = members.get(1);
        PendingEvent left = PendingEvent.of(EventCatalogue.MEMBER_LEFT, died, died,
                new MemberLeft(died, branch, "DECEASED", LocalDate.of(2026, 10, 20), null), Instant.now());
        // an exemption naming a branch whose roster does not hold the member changes nothing there
        PendingEvent stray = PendingEvent.of(EventCatalogue.MEMBER_EXEMPTED, "nobody", "nobody",
                new MemberExempted("nobody", branch, "ốm", LocalDate.of(2026, 1, 1), null), Instant.now());
        for (PendingEvent e : List.of(out, in, left, stray, out, in, left)) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            BranchRoster roster = mongo.findById(target, BranchRoster.class);
            return roster != null && roster.memberList().size() == 1 && roster.memberList().get(0).memberId().equals(leaving);
        });
    }

    /** A city's onboarding comes as members-onboarded, one event for many members: each joins its roster once. */
    @Test
    void membersOnboardedInBulkJoinTheirRostersOnceWithTheirCells() throws Exception {
        String other = UUID.randomUUID().toString();
        String cell = UUID.randomUUID().toString();
        PendingEvent registered = PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, other, other,
                new OrganisationRegistered(other, null, "GRASSROOTS_BRANCH", "Chi bộ Trường Đại học Hàng hải", "/" + other + "/",
                        Instant.now(), null, "SCHOOL", null), Instant.now());
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        MembersOnboarded onboarded = new MembersOnboarded("batch-" + other, List.of(
                new MembersOnboarded.Entry(a, other, "/" + other + "/", "Bùi Văn Khánh", "HP-" + a.substring(0, 8), "OFFICIAL",
                        LocalDate.of(2001, 5, 2), LocalDate.of(2002, 5, 2), cell),
                new MembersOnboarded.Entry(b, other, "/" + other + "/", "Đinh Thị Lan", "HP-" + b.substring(0, 8), "PROBATIONARY",
                        LocalDate.of(2026, 3, 1), null, null),
                new MembersOnboarded.Entry(c, branch, "/" + branch + "/", "Cao Văn Minh", "HP-" + c.substring(0, 8), "OFFICIAL",
                        LocalDate.of(2010, 1, 1), null, null)));
        PendingEvent event = PendingEvent.of(EventCatalogue.MEMBERS_ONBOARDED, a, "batch-" + other, onboarded, Instant.now());
        for (PendingEvent e : List.of(registered, event, event)) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 5);
        BranchRoster roster = await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(other, BranchRoster.class),
                r -> r != null && r.memberList().size() == 2);
        assertThat(roster.memberList()).extracting(org.chibo.meeting.roster.RosterMember::memberId).containsExactlyInAnyOrder(a, b);
        var official = roster.memberList().stream().filter(m -> m.memberId().equals(a)).findFirst().orElseThrow();
        assertThat(official.cellId()).isEqualTo(cell);
        assertThat(official.statusOn(LocalDate.of(2002, 1, 1))).as("probationary before the recognition day").isEqualTo("PROBATIONARY");
        assertThat(official.onRollsOn(LocalDate.of(2001, 5, 1))).isFalse();
    }

    @Test
    void aMergerMovesTheMembersWithTheirExemptionToTheRosterTheyWereMergedInto() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 4);
        String into = UUID.randomUUID().toString();
        List<PendingEvent> events = new ArrayList<>();
        events.add(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, into, into,
                new OrganisationRegistered(into, null, "GRASSROOTS_BRANCH", "Chi bộ sau sáp nhập", "/" + into + "/", Instant.now(), null, null, null),
                Instant.now()));
        events.add(PendingEvent.of(EventCatalogue.ORGANISATION_MERGED, branch, branch,
                new OrganisationMerged(branch, into, LocalDate.of(2026, 7, 1), "125-QĐ/QU"), Instant.now()));
        for (int i = 0; i < members.size(); i++) {
            String id = members.get(i);
            events.add(PendingEvent.of(EventCatalogue.MEMBER_REASSIGNED, id, id, new MemberReassigned(id, branch, into, "/" + into + "/",
                    "Đảng viên " + i, i == 3 ? "PROBATIONARY" : "OFFICIAL", i == 0 ? LocalDate.of(2026, 1, 1) : null, null,
                    LocalDate.of(2026, 7, 1), "MERGER", i == 1 ? "cell-1" : null), Instant.now()));
        }
        events.add(PendingEvent.of(EventCatalogue.ORGANISATION_DISSOLVED, branch, branch,
                new OrganisationDissolved(branch, LocalDate.of(2026, 7, 1), "125-QĐ/QU"), Instant.now()));
        for (PendingEvent e : events) {
            kafka.send(CloudEvents.toRecord(e)).get();
            kafka.send(CloudEvents.toRecord(e)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            BranchRoster roster = mongo.findById(into, BranchRoster.class);
            return roster != null && roster.memberList().size() == 4;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 0);
        BranchRoster merged = mongo.findById(into, BranchRoster.class);
        assertThat(merged.members().get(members.get(0)).exemptFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(merged.members().get(members.get(3)).status()).isEqualTo("PROBATIONARY");
        assertThat(merged.members().get(members.get(1)).cellId()).isEqualTo("cell-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> !mongo.findById(branch, BranchRoster.class).holdsMeetings());
    }

    @Test
    void rostersRecordEachMembersCellAndAReceptionLeavesItBehind() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 4);
        String cell = UUID.randomUUID().toString();
        String newcomer = UUID.randomUUID().toString();
        String moving = members.get(0);
        String target = UUID.randomUUID().toString();
        List<PendingEvent> events = List.of(
                cellAssigned(moving, branch, cell),
                cellAssigned(members.get(3), branch, cell),
                cellAssigned(members.get(3), branch, null),
                // the probationary member's recognition, after the cell was cleared, shows the clearing was applied
                PendingEvent.of(EventCatalogue.MEMBER_RECOGNISED, members.get(3), members.get(3),
                        new MemberRecognised(members.get(3), branch, LocalDate.of(2021, 2, 1), null), Instant.now()),
                cellAssigned(members.get(2), branch, cell),
                // an admission and its cell in one poll: the put and the cell change stay in order in the bulk write
                PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, newcomer, newcomer, new MemberAdmitted(newcomer, branch,
                        "/" + branch + "/", "Đảng viên mới", "HP-" + newcomer.substring(0, 8), "OFFICIAL", LocalDate.of(2020, 1, 1)), Instant.now()),
                cellAssigned(newcomer, branch, cell),
                // a cell naming a roster that does not hold the member creates nothing there
                cellAssigned("nobody", branch, cell),
                PendingEvent.of(EventCatalogue.MEMBER_TRANSFERRED_OUT, moving, moving, new MemberTransferredOut(moving, branch, target,
                        "OFFICIAL", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 14)), Instant.now()),
                PendingEvent.of(EventCatalogue.MEMBER_RECEIVED, moving, moving, new MemberReceived(moving, branch, target,
                        "/" + target + "/", "Đảng viên 0", "OFFICIAL", "OFFICIAL", LocalDate.of(2026, 11, 9)), Instant.now()));
        for (int round = 0; round < 2; round++) {
            for (PendingEvent e : events) {
                kafka.send(CloudEvents.toRecord(e)).get();
            }
        }

        // each member's events travel under its own key, so they are applied in any order across members
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mongo.findById(branch, BranchRoster.class).members()).doesNotContainKeys("nobody", moving)
                    .containsKeys(members.get(1), members.get(2), members.get(3), newcomer);
            assertThat(cellOf(branch, members.get(2))).isEqualTo(cell);
            assertThat(cellOf(branch, newcomer)).isEqualTo(cell);
            assertThat(mongo.findById(target, BranchRoster.class)).isNotNull();
            assertThat(mongo.findById(target, BranchRoster.class).members()).containsKey(moving);
            assertThat(mongo.findById(branch, BranchRoster.class).members().get(members.get(3)).status()).isEqualTo("OFFICIAL");
        });
        assertThat(cellOf(branch, members.get(3))).isNull();
        assertThat(cellOf(branch, members.get(1))).isNull();
        assertThat(mongo.findById(target, BranchRoster.class).members().get(moving).cellId()).isNull();
    }

    private static PendingEvent cellAssigned(String memberId, String branchId, String cellId) {
        return PendingEvent.of(EventCatalogue.MEMBER_CELL_ASSIGNED, memberId, memberId,
                new MemberCellAssigned(memberId, branchId, cellId, LocalDate.of(2026, 11, 2)), Instant.now());
    }

    private String cellOf(String branchId, String memberId) {
        BranchRoster roster = mongo.findById(branchId, BranchRoster.class);
        return roster == null || !roster.members().containsKey(memberId) ? null : roster.members().get(memberId).cellId();
    }

    @Test
    void rostersFollowMovesAndADissolvedBranchHoldsNoMeeting() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 4);
        String newParent = UUID.randomUUID().toString();
        PendingEvent moved = PendingEvent.of(EventCatalogue.ORGANISATION_MOVED, branch, branch,
                new OrganisationMoved(branch, null, newParent, "/" + branch + "/", "/" + newParent + "/" + branch + "/"), Instant.now());
        PendingEvent dissolved = PendingEvent.of(EventCatalogue.ORGANISATION_DISSOLVED, branch, branch,
                new OrganisationDissolved(branch, LocalDate.of(2026, 10, 1), null), Instant.now());
        for (PendingEvent e : List.of(moved, moved, dissolved)) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(branch, BranchRoster.class).dissolvedOn() != null);
        assertThat(mongo.findById(branch, BranchRoster.class).path()).isEqualTo("/" + newParent + "/" + branch + "/");

        // a unit below the moved one whose registration arrives after the move still gets the new path
        String late = UUID.randomUUID().toString();
        kafka.send(CloudEvents.toRecord(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, late, late,
                new OrganisationRegistered(late, branch, "CELL", "Tổ đảng 1", "/" + branch + "/" + late + "/", Instant.now(), null, null, null),
                Instant.now()))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(late, BranchRoster.class) != null);
        assertThat(mongo.findById(late, BranchRoster.class).path()).isEqualTo("/" + newParent + "/" + branch + "/" + late + "/");
        assertProblem(http.post("/api/v1/meetings", meeting(List.of("PRESENT", "PRESENT", "PRESENT", "PRESENT"), null)), 422, "branchId");
    }

    @Test
    void onlyABranchApprovedUnder03HDMeetsOnline() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterSize() == 4);
        String online = meeting(List.of("PRESENT", "PRESENT", "PRESENT", "PRESENT"), null).replace("\"type\":\"REGULAR\"", "\"type\":\"REGULAR\",\"mode\":\"ONLINE\"");
        assertProblem(http.post("/api/v1/meetings", online), 422, "mode");

        kafka.send(CloudEvents.toRecord(PendingEvent.of(EventCatalogue.ONLINE_ELIGIBILITY_SET, branch, branch,
                new OnlineEligibilitySet(branch, true, "3-QĐ/ĐU", "thuyền viên đi biển", LocalDate.of(2026, 1, 1), null), Instant.now()))).get();

        Http.Response created = await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/v1/meetings", online), r -> r.status() != 422);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("mode")).isEqualTo("ONLINE");

        // nội dung nhân sự handled online: recorded and published as it happened, inspection's R-G8 judges it
        String restricted = online.replace("\"heldOn\":\"2026-10-05\"", "\"heldOn\":\"2026-10-06\"")
                .replace("\"type\":\"REGULAR\"", "\"type\":\"EXTRAORDINARY\",\"restrictedMatters\":[\"PERSONNEL\",\"STATE_SECRET\",\"PERSONNEL\"]");
        Http.Response withMatters = http.post("/api/v1/meetings", restricted);
        assertThat(withMatters.status()).as(withMatters.body().toString()).isEqualTo(201);
        String id = withMatters.text("id");
        assertThat(http.get("/api/v1/meetings/" + id).body().get("restrictedMatters").toString()).isEqualTo("[\"STATE_SECRET\",\"PERSONNEL\"]");
        Http.Response amended = http.post("/api/v1/meetings/" + id + "/amendments",
                Http.json(Map.of("reason", "the personnel item was taken in person", "restrictedMatters", List.of())));
        assertThat(amended.status()).as(amended.body().toString()).isEqualTo(200);
        assertProblem(http.post("/api/v1/meetings/" + id + "/amendments",
                Http.json(Map.of("reason", "again", "restrictedMatters", List.of()))), 422, "reason");

        var events = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events",
                r -> branch.equals(r.key()), Duration.ofSeconds(2)).stream().map(CloudEvents::fromRecord).toList();
        assertThat(events.stream().filter(e -> e.is(EventCatalogue.MEETING_RECORDED))
                .map(e -> e.dataAs(EventCatalogue.MEETING_RECORDED).restrictedMatters()))
                .containsExactly(null, List.of("STATE_SECRET", "PERSONNEL"));
        assertThat(events.stream().filter(e -> e.is(EventCatalogue.MEETING_AMENDED))
                .map(e -> e.dataAs(EventCatalogue.MEETING_AMENDED).record().restrictedMatters()))
                .containsExactly(List.of());
    }

    private int rosterSize() {
        BranchRoster roster = mongo.findById(branch, BranchRoster.class);
        return roster == null ? 0 : roster.memberList().size();
    }

    private String meeting(List<String> statuses, Map<String, Integer> vote) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < statuses.size(); i++) {
            String reason = statuses.get(i).equals("ABSENT_EXCUSED") ? "\"công tác\"" : "null";
            lines.append(i == 0 ? "" : ",").append("{\"memberId\":\"").append(members.get(i)).append("\",\"status\":\"")
                    .append(statuses.get(i)).append("\",\"reason\":").append(reason).append("}");
        }
        return "{\"branchId\":\"" + branch + "\",\"type\":\"REGULAR\",\"heldOn\":\"2026-10-05\",\"attendance\":[" + lines + "]"
                + (vote == null ? "" : ",\"vote\":" + Http.json(vote)) + "}";
    }
}
