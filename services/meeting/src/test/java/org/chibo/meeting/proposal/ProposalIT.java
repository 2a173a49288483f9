package org.chibo.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.chassis.testing.Problems.assertProblem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.chassis.security.Role;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.ProposalAnswered;
import org.chibo.contracts.meeting.ProposalSubmitted;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.meeting.record.Meeting;
import org.chibo.meeting.roster.BranchRoster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proposals against the real broker and MongoDB-wire store, with the branch and its members fed to the roster
 * projection as membership publishes them.
 */
// Its own consumer group: MeetingIT's context, alive in the same JVM, would otherwise take half of membership.events'
// partitions and write those rosters into its own database.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProposalIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRETARY = "bi-thu-chi-bo";
    private static final String COMMITTEE_MEMBER = "uy-vien-dang-uy";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "proposal-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    private final HttpClient client = HttpClient.newHttpClient();
    String base;
    String committee;
    String branch;
    String otherBranch;
    String member;
    String otherMember;
    /** Tokens: the branch's secretary, its deputy (who submitted nothing), the member, the committee's staff. */
    String secretary;
    String deputy;
    String memberToken;
    String staff;

    @BeforeEach
    void twoBranchesUnderOneCommitteeEachWithAMember() throws Exception {
        base = "http://localhost:" + env.getProperty("local.server.port");
        String city = UUID.randomUUID().toString();
        committee = UUID.randomUUID().toString();
        branch = UUID.randomUUID().toString();
        otherBranch = UUID.randomUUID().toString();
        member = UUID.randomUUID().toString();
        otherMember = UUID.randomUUID().toString();
        String under = "/" + city + "/" + committee + "/";
        // the committee is registered too: lists of what was sent to it are checked against its place in the tree
        PendingEvent committeeRegistered = PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, committee, committee,
                new OrganisationRegistered(committee, city, "GRASSROOTS_COMMITTEE", "Đảng ủy phường", under, Instant.now(), null, null, null),
                Instant.now());
        for (PendingEvent e : List.of(committeeRegistered, registered(branch, committee, under), registered(otherBranch, committee, under),
                admitted(member, branch, under), admitted(otherMember, otherBranch, under))) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> onRoster(branch, member) && onRoster(otherBranch, otherMember)
                && mongo.findById(committee, BranchRoster.class) != null);
        secretary = TestTokens.issue(SECRETARY, branch, Role.BRANCH_SECRETARY);
        deputy = TestTokens.issue("pho-bi-thu", branch, Role.BRANCH_SECRETARY);
        memberToken = TestTokens.as("dang-vien-" + member).in(branch).roles(Role.MEMBER).member(member).sign();
        staff = TestTokens.issue(COMMITTEE_MEMBER, committee, Role.COMMITTEE_STAFF);
    }

    @Test
    void aProposalGoesUpIsTakenUpAndAnsweredAndEachStepIsPublished() {
        String meeting = meetingOf(branch);
        HttpResponse<String> created = post("/api/v1/proposals", submission(Map.of("meetingId", meeting)), secretary);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode proposal = JSON.readTree(created.body());
        String id = proposal.path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/proposals/" + id);
        assertThat(proposal.path("addressedTo").asString()).isEqualTo(committee);
        assertThat(proposal.path("meetingId").asString()).isEqualTo(meeting);
        assertThat(proposal.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(ids(get("/api/v1/proposals?addressedTo=" + committee + "&status=SUBMITTED"))).containsExactly(id);
        assertThat(ids(get("/api/v1/proposals?addressedTo=" + committee + "&status=ANSWERED"))).isEmpty();

        Http.Response reviewed = response(post("/api/v1/proposals/" + id + "/review", "{\"note\":\"Đảng ủy phường tiếp nhận\"}", staff));
        Http.Response answered = response(post("/api/v1/proposals/" + id + "/answer",
                "{\"answer\":\"Đã giao UBND phường sửa trong quý I\",\"outcome\":\"ACCEPTED\"}", staff));

        assertThat(reviewed.status()).as(reviewed.body().toString()).isEqualTo(200);
        assertThat(reviewed.text("status")).isEqualTo("IN_REVIEW");
        assertThat(answered.status()).as(answered.body().toString()).isEqualTo(200);
        assertThat(answered.text("status")).isEqualTo("ANSWERED");
        Http.Response read = get("/api/v1/proposals/" + id);
        assertThat(read.text("answeredBy")).isEqualTo(COMMITTEE_MEMBER);
        assertThat(read.body().path("history").findValuesAsString("status")).containsExactly("SUBMITTED", "IN_REVIEW", "ANSWERED");
        assertThat(read.body().path("history").findValuesAsString("by")).containsExactly(SECRETARY, COMMITTEE_MEMBER, COMMITTEE_MEMBER);
        assertThat(ids(get("/api/v1/proposals?branchId=" + branch))).containsExactly(id);

        List<IncomingEvent> events = publishedFor(branch);
        assertThat(events).extracting(e -> e.type().type()).containsExactly("chibo.meeting.proposal-submitted.v1",
                "chibo.meeting.proposal-acknowledged.v1", "chibo.meeting.proposal-answered.v1");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(branch);
            assertThat(e.subject()).isEqualTo(id);
        });
        ProposalSubmitted submitted = events.get(0).dataAs(EventCatalogue.PROPOSAL_SUBMITTED);
        assertThat(submitted.addressedTo()).isEqualTo(committee);
        assertThat(submitted.memberId()).isEqualTo(member);
        assertThat(submitted.meetingId()).isEqualTo(meeting);
        ProposalAnswered answer = events.get(2).dataAs(EventCatalogue.PROPOSAL_ANSWERED);
        assertThat(answer.outcome()).isEqualTo("ACCEPTED");
        assertThat(answer.answeredBy()).isEqualTo(COMMITTEE_MEMBER);
    }

    @Test
    void badSubmissionsAreRefusedNamingTheFieldAndNothingIsWritten() {
        assertProblem(response(post("/api/v1/proposals", submission(Map.of("memberId", otherMember)), secretary)), 422, "memberId");
        assertProblem(response(post("/api/v1/proposals", submission(Map.of("branchId", "no-such-branch")), secretary)), 422, "branchId");
        assertProblem(response(post("/api/v1/proposals", submission(Map.of("meetingId", meetingOf(otherBranch))), secretary)), 422, "meetingId");
        assertProblem(response(post("/api/v1/proposals", submission(Map.of("meetingId", "no-such-meeting")), secretary)), 422, "meetingId");
        assertProblem(response(post("/api/v1/proposals", submission(Map.of("title", "t".repeat(201))), secretary)), 400, "title");
        assertProblem(response(post("/api/v1/proposals", submission(Map.of("kind", "COMPLAINT")), secretary)), 400, "kind");
        assertProblem(response(post("/api/v1/proposals", submission(Map.of("priority", "HIGH")), secretary)), 400, "priority");
        assertProblem(response(post("/api/v1/proposals", submission(Map.of()), null)), 401);

        assertProblem(get("/api/v1/proposals?branchId=" + branch + "&size=201"), 400, "size");
        assertProblem(get("/api/v1/proposals?branchId=" + branch + "&page=-1"), 400, "page");
        assertProblem(get("/api/v1/proposals?branchId=" + branch + "&status=LOST"), 400, "status");
        assertProblem(get("/api/v1/proposals"), 400, "branchId");

        assertThat(mongo.count(Query.query(Criteria.where("branchId").in(branch, "no-such-branch")), ProposalStore.COLLECTION)).isZero();
        assertThat(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events", r -> branch.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aClosedProposalTakesNoFurtherStepAndARefusedStepChangesNothing() {
        String answered = submitted();
        post("/api/v1/proposals/" + answered + "/review", "{}", staff);
        assertThat(post("/api/v1/proposals/" + answered + "/answer", "{\"answer\":\"Không thuộc thẩm quyền\",\"outcome\":\"DECLINED\"}", staff).statusCode()).isEqualTo(200);
        String withdrawn = submitted();

        assertProblem(response(post("/api/v1/proposals/" + answered + "/answer", "{\"answer\":\"Lần hai\",\"outcome\":\"ACCEPTED\"}", staff)), 409, "status");
        assertProblem(response(post("/api/v1/proposals/" + answered + "/withdraw", "{}", memberToken)), 409, "status");
        assertProblem(response(post("/api/v1/proposals/" + answered + "/review", "{}", staff)), 409, "status");
        assertProblem(response(post("/api/v1/proposals/" + withdrawn + "/answer", "{\"answer\":\"Chưa tiếp nhận\",\"outcome\":\"ACCEPTED\"}", staff)), 409, "status");
        assertProblem(response(post("/api/v1/proposals/" + withdrawn + "/review", "{\"remark\":\"x\"}", staff)), 400, "remark");
        assertProblem(response(post("/api/v1/proposals/" + withdrawn + "/review", "{}", null)), 401);
        // the deputy secretary of the same branch did not submit it; the member and the secretary may not take it up
        assertProblem(response(post("/api/v1/proposals/" + withdrawn + "/withdraw", "{}", deputy)), 403);
        assertProblem(response(post("/api/v1/proposals/" + withdrawn + "/review", "{}", memberToken)), 403);
        assertProblem(response(post("/api/v1/proposals/" + withdrawn + "/review", "{}", secretary)), 403);
        assertThat(response(post("/api/v1/proposals/" + withdrawn + "/withdraw", "{\"note\":\"Chi bộ đã tự giải quyết\"}", memberToken)).text("status"))
                .isEqualTo("WITHDRAWN");
        assertProblem(response(post("/api/v1/proposals/" + withdrawn + "/withdraw", "{}", memberToken)), 409, "status");
        assertThat(get("/api/v1/proposals/no-such-proposal").status()).isEqualTo(404);

        assertThat(get("/api/v1/proposals/" + answered).body().path("history")).hasSize(3);
        assertThat(get("/api/v1/proposals/" + withdrawn).body().path("history")).hasSize(2);
        assertThat(publishedFor(branch)).extracting(e -> e.subject() + " " + e.type().type()).containsExactlyInAnyOrder(
                answered + " chibo.meeting.proposal-submitted.v1", answered + " chibo.meeting.proposal-acknowledged.v1",
                answered + " chibo.meeting.proposal-answered.v1",
                withdrawn + " chibo.meeting.proposal-submitted.v1", withdrawn + " chibo.meeting.proposal-withdrawn.v1");
    }

    private String submitted() {
        HttpResponse<String> r = post("/api/v1/proposals", submission(Map.of()), secretary);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asString();
    }

    /** A valid submission from {@code member} of {@code branch}, with {@code changes} put over it. */
    private String submission(Map<String, String> changes) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("branchId", branch, "memberId", member,
                "kind", "PETITION", "title", "Sửa đường ngõ 12", "content", "Đường ngõ 12 xuống cấp, đề nghị cấp trên xem xét."));
        fields.putAll(changes);
        return Http.json(fields);
    }

    /** Stands in for a recorded meeting: the check reads only a meeting's id and branch (slot and reference are unique). */
    private String meetingOf(String branchId) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("branchId", branchId).append("slot", "meeting|" + id).append("reference", id),
                Meeting.COLLECTION);
        return id;
    }

    /** The proposal events published under {@code branchId}'s key, once the outbox holds none of them any more. */
    private List<IncomingEvent> publishedFor(String branchId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.find(Query.query(Criteria.where("branchId").is(branchId)),
                Document.class, ProposalStore.COLLECTION).stream().allMatch(d -> d.getList("pendingEvents", Document.class).isEmpty()));
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events",
                r -> branchId.equals(r.key()), Duration.ofSeconds(2));
        return records.stream().map(CloudEvents::fromRecord).toList();
    }

    /** A POST with {@code token} as the bearer, or none when null. */
    private HttpResponse<String> post(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Http.Response response(HttpResponse<String> r) {
        return new Http.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), JSON.readTree(r.body()));
    }

    private Http.Response get(String path) {
        return new Http(base, staff).get(path);
    }

    private static List<String> ids(Http.Response page) {
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        return page.body().path("items").findValuesAsString("id");
    }

    private boolean onRoster(String branchId, String memberId) {
        BranchRoster roster = mongo.findById(branchId, BranchRoster.class);
        return roster != null && roster.isKnown() && roster.members() != null && roster.members().containsKey(memberId);
    }

    private static PendingEvent registered(String branchId, String parentId, String under) {
        return PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, branchId, branchId, new OrganisationRegistered(branchId,
                parentId, "BRANCH", "Chi bộ " + branchId.substring(0, 8), under + branchId + "/", Instant.now(), null, "RESIDENTIAL_GROUP", null),
                Instant.now());
    }

    private static PendingEvent admitted(String memberId, String branchId, String under) {
        return PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, memberId, memberId, new MemberAdmitted(memberId, branchId,
                under + branchId + "/", "Đảng viên " + memberId.substring(0, 4), "HP-" + memberId.substring(0, 8), "OFFICIAL",
                LocalDate.of(2020, 1, 1)), Instant.now());
    }
}
