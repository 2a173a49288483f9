package org.chibo.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.meeting.roster.BranchRoster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the service × every role × a place in the tree, over the real network with real signed tokens.
 *
 * <p>The city {@code C} has two committees, {@code K1} and {@code K2}, each with a branch ({@code B1}, {@code B2}).
 * The objects (meetings in each state, proposals) belong to {@code B1}. Each role is tried bound to a sibling
 * ({@code K2} or {@code B2}: outside the objects' subtree) and bound to its natural place above or at {@code B1}
 * (inside). Outside, every role is refused; inside, the roles the access policy does not give the action are refused;
 * refusals write nothing and publish nothing. The roles it does give succeed. The matrix is read off the service's
 * own handler mappings, so an endpoint added without its row fails {@link #everyEndpointHasItsRowInTheMatrix}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> RECORDERS = EnumSet.of(Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.CITY_ADMIN);
    private static final Set<Role> ANSWERERS = EnumSet.of(Role.COMMITTEE_STAFF, Role.CITY_ADMIN);
    /** Fields of the stored documents no request may set, with a value a careless binder would take. */
    private static final Map<String, Object> READ_ONLY = readOnlyFields();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "security-matrix-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    String base;
    LocalDate today;
    String city;
    String k1;
    String k2;
    String b1;
    String b2;
    String m1;
    String m2;
    String m3;
    /** Tokens by role: bound inside the objects' subtree (C, K1 or B1) and outside it (K2 or B2). */
    final Map<Role, String> inside = new EnumMap<>(Role.class);
    final Map<Role, String> outside = new EnumMap<>(Role.class);
    /** The fixture in B1: a meeting scheduled for today, one open (with its code), one recorded; two proposals. */
    String scheduled;
    String open;
    String openCode;
    String recorded;
    String submitted;
    String inReview;
    List<Row> rows;

    /** A request as sent: method, path with its query, and a JSON body (null for none). */
    record Req(String method, String path, Map<String, Object> body) {
    }

    /** The call a permitted role makes on objects of its own (made fresh where the call changes them). */
    interface Positive {
        Http.Response call(Role role, Http as);
    }

    /**
     * One endpoint: the request against the fixture's objects, the roles the access policy gives it inside the
     * subtree, and the permitted call with its success status.
     */
    record Row(String endpoint, Supplier<Req> target, Set<Role> permitted, Positive positive, int success) {
    }

    @BeforeAll
    void aCityWithTwoCommitteesEachWithABranch() throws Exception {
        base = "http://localhost:" + env.getProperty("local.server.port");
        today = BusinessDates.today(Clock.systemUTC());
        city = "c-" + UUID.randomUUID();
        k1 = "k1-" + UUID.randomUUID();
        k2 = "k2-" + UUID.randomUUID();
        b1 = "b1-" + UUID.randomUUID();
        b2 = "b2-" + UUID.randomUUID();
        m1 = "m1-" + UUID.randomUUID();
        m2 = "m2-" + UUID.randomUUID();
        m3 = "m3-" + UUID.randomUUID();
        String x1 = "x1-" + UUID.randomUUID();
        String c = "/" + city + "/";
        List<PendingEvent> events = List.of(
                unit(city, null, "CITY_COMMITTEE", c),
                unit(k1, city, "GRASSROOTS_COMMITTEE", c + k1 + "/"),
                unit(k2, city, "GRASSROOTS_COMMITTEE", c + k2 + "/"),
                unit(b1, k1, "BRANCH", c + k1 + "/" + b1 + "/"),
                unit(b2, k2, "BRANCH", c + k2 + "/" + b2 + "/"),
                member(m1, b1, c + k1 + "/" + b1 + "/"), member(m2, b1, c + k1 + "/" + b1 + "/"),
                member(m3, b1, c + k1 + "/" + b1 + "/"), member(x1, b2, c + k2 + "/" + b2 + "/"));
        for (PendingEvent e : events) {
            kafka.send(CloudEvents.toRecord(e)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members(b1) == 3 && members(b2) == 1
                && mongo.findById(k1, BranchRoster.class) != null && mongo.findById(k2, BranchRoster.class) != null);

        inside.put(Role.CITY_ADMIN, TestTokens.issue("quan-tri", city, Role.CITY_ADMIN));
        inside.put(Role.COMMITTEE_STAFF, TestTokens.issue("ban-to-chuc-k1", k1, Role.COMMITTEE_STAFF));
        inside.put(Role.INSPECTOR, TestTokens.issue("ubkt-k1", k1, Role.INSPECTOR));
        inside.put(Role.BRANCH_SECRETARY, TestTokens.issue("bi-thu-b1", b1, Role.BRANCH_SECRETARY));
        inside.put(Role.MEMBER, TestTokens.as("dang-vien-m1").in(b1).roles(Role.MEMBER).member(m1).sign());
        outside.put(Role.CITY_ADMIN, TestTokens.issue("quan-tri-k2", k2, Role.CITY_ADMIN));
        outside.put(Role.COMMITTEE_STAFF, TestTokens.issue("ban-to-chuc-k2", k2, Role.COMMITTEE_STAFF));
        outside.put(Role.INSPECTOR, TestTokens.issue("ubkt-k2", k2, Role.INSPECTOR));
        outside.put(Role.BRANCH_SECRETARY, TestTokens.issue("bi-thu-b2", b2, Role.BRANCH_SECRETARY));
        // a member of the sibling branch whose token even names B1's member: their branch, not the claim, decides
        outside.put(Role.MEMBER, TestTokens.as("dang-vien-b2").in(b2).roles(Role.MEMBER).member(m2).sign());

        scheduled = freshScheduled();
        String[] opened = freshOpen();
        open = opened[0];
        openCode = opened[1];
        recorded = freshRecorded();
        submitted = freshProposal();
        inReview = freshInReview();
        rows = rows();
    }

    private List<Row> rows() {
        String year = String.valueOf(today.getYear());
        String month = today.toString().substring(0, 7);
        List<Row> all = new ArrayList<>();
        // sinh hoạt chi bộ: record, read, list
        all.add(new Row("POST /api/v1/meetings", () -> post("/api/v1/meetings", recordBody()), RECORDERS,
                (role, as) -> as.post("/api/v1/meetings", Http.json(recordBody())), 201));
        all.add(new Row("GET /api/v1/meetings/{id}", () -> get("/api/v1/meetings/" + recorded), ALL,
                (role, as) -> as.get("/api/v1/meetings/" + recorded), 200));
        all.add(new Row("GET /api/v1/meetings/{id}/amendments", () -> get("/api/v1/meetings/" + recorded + "/amendments"), ALL,
                (role, as) -> as.get("/api/v1/meetings/" + recorded + "/amendments"), 200));
        all.add(new Row("GET /api/v1/meetings", () -> get("/api/v1/meetings?branchId=" + b1), ALL, (role, as) -> {
            Http.Response r = as.get("/api/v1/meetings?branchId=" + b1);
            assertThat(r.body().path("items").size()).as("meetings %s lists", role).isPositive();
            return r;
        }, 200));
        // lifecycle
        all.add(new Row("POST /api/v1/meetings/schedule", () -> post("/api/v1/meetings/schedule", scheduleBody()), RECORDERS,
                (role, as) -> as.post("/api/v1/meetings/schedule", Http.json(scheduleBody())), 201));
        all.add(new Row("POST /api/v1/meetings/schedule/year",
                () -> post("/api/v1/meetings/schedule/year", map("branchId", b1, "year", today.getYear() + 1, "day", 5)), RECORDERS,
                (role, as) -> {
                    // a year of its own for each role, so each call schedules twelve meetings
                    Http.Response r = as.post("/api/v1/meetings/schedule/year",
                            Http.json(map("branchId", b1, "year", today.getYear() + 1 + role.ordinal(), "day", 5)));
                    assertThat(r.body().size()).as("meetings %s scheduled", role).isEqualTo(12);
                    return r;
                }, 200));
        all.add(new Row("POST /api/v1/meetings/{id}/postpone", () -> post("/api/v1/meetings/" + scheduled + "/postpone", postponeBody()),
                RECORDERS, (role, as) -> as.post("/api/v1/meetings/" + freshScheduled() + "/postpone", Http.json(postponeBody())), 200));
        all.add(new Row("POST /api/v1/meetings/{id}/cancel", () -> post("/api/v1/meetings/" + scheduled + "/cancel", map("reason", "bão")),
                RECORDERS, (role, as) -> as.post("/api/v1/meetings/" + freshScheduled() + "/cancel", Http.json(map("reason", "bão"))), 200));
        all.add(new Row("POST /api/v1/meetings/{id}/open", () -> post("/api/v1/meetings/" + scheduled + "/open", null), RECORDERS,
                (role, as) -> as.post("/api/v1/meetings/" + freshScheduled() + "/open", "{}"), 200));
        all.add(new Row("POST /api/v1/meetings/{id}/close", () -> post("/api/v1/meetings/" + open + "/close", closeBody()), RECORDERS,
                (role, as) -> {
                    String id = openWithM1In();
                    return as.post("/api/v1/meetings/" + id + "/close", Http.json(closeBody()));
                }, 200));
        all.add(new Row("POST /api/v1/meetings/{id}/amendments", () -> post("/api/v1/meetings/" + recorded + "/amendments", amendBody()),
                RECORDERS, (role, as) -> as.post("/api/v1/meetings/" + freshRecorded() + "/amendments", Http.json(amendBody())), 200));
        // điểm danh
        all.add(new Row("POST /api/v1/meetings/{id}/check-ins",
                () -> post("/api/v1/meetings/" + open + "/check-ins", map("memberId", m2, "code", openCode)),
                EnumSet.of(Role.MEMBER, Role.BRANCH_SECRETARY), (role, as) -> {
                    String[] fresh = freshOpen();
                    // the member checks in themselves with the code; the secretary checks in another by hand
                    Map<String, Object> body = role == Role.MEMBER ? map("memberId", m1, "code", fresh[1])
                            : map("memberId", m2, "method", "SECRETARY");
                    return as.post("/api/v1/meetings/" + fresh[0] + "/check-ins", Http.json(body));
                }, 200));
        all.add(new Row("PUT /api/v1/meetings/{id}/attendance/{memberId}",
                () -> new Req("PUT", "/api/v1/meetings/" + open + "/attendance/" + m3, map("status", "ABSENT_EXCUSED", "reason", "ốm")),
                RECORDERS, (role, as) -> as.put("/api/v1/meetings/" + freshOpen()[0] + "/attendance/" + m3,
                        Http.json(map("status", "ABSENT_EXCUSED", "reason", "ốm"))), 200));
        all.add(new Row("POST /api/v1/meetings/{id}/check-outs", () -> post("/api/v1/meetings/" + open + "/check-outs", map("memberId", m2)),
                EnumSet.of(Role.MEMBER, Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.CITY_ADMIN),
                (role, as) -> as.post("/api/v1/meetings/" + openWithM1In() + "/check-outs", Http.json(map("memberId", m1))), 200));
        // tổng hợp
        all.add(new Row("GET /api/v1/meetings/overview/branch", () -> get("/api/v1/meetings/overview/branch?branchId=" + b1 + "&year=" + year),
                ALL, (role, as) -> as.get("/api/v1/meetings/overview/branch?branchId=" + b1 + "&year=" + year), 200));
        // a committee's month: the branch's own people are bound below the committee, so it is not theirs to read
        all.add(new Row("GET /api/v1/meetings/overview/committee",
                () -> get("/api/v1/meetings/overview/committee?organisationId=" + k1 + "&month=" + month),
                EnumSet.of(Role.CITY_ADMIN, Role.COMMITTEE_STAFF, Role.INSPECTOR),
                (role, as) -> as.get("/api/v1/meetings/overview/committee?organisationId=" + k1 + "&month=" + month), 200));
        // đề xuất, kiến nghị
        all.add(new Row("POST /api/v1/proposals", () -> post("/api/v1/proposals", proposalBody()), EnumSet.of(Role.MEMBER, Role.BRANCH_SECRETARY),
                (role, as) -> as.post("/api/v1/proposals", Http.json(proposalBody())), 201));
        all.add(new Row("GET /api/v1/proposals/{id}", () -> get("/api/v1/proposals/" + submitted), ALL,
                (role, as) -> as.get("/api/v1/proposals/" + submitted), 200));
        all.add(new Row("GET /api/v1/proposals", () -> get("/api/v1/proposals?branchId=" + b1), ALL, (role, as) -> {
            Http.Response r = as.get("/api/v1/proposals?branchId=" + b1);
            assertThat(r.body().path("items").size()).as("proposals %s lists", role).isPositive();
            return r;
        }, 200));
        all.add(new Row("POST /api/v1/proposals/{id}/review", () -> post("/api/v1/proposals/" + submitted + "/review", map("note", "tiếp nhận")),
                ANSWERERS, (role, as) -> as.post("/api/v1/proposals/" + freshProposal() + "/review", Http.json(map("note", "tiếp nhận"))), 200));
        all.add(new Row("POST /api/v1/proposals/{id}/answer", () -> post("/api/v1/proposals/" + inReview + "/answer", answerBody()),
                ANSWERERS, (role, as) -> as.post("/api/v1/proposals/" + freshInReview() + "/answer", Http.json(answerBody())), 200));
        // the secretary entered the fixture's proposals (so is their submitter) for member m1 (whose token is inside)
        all.add(new Row("POST /api/v1/proposals/{id}/withdraw", () -> post("/api/v1/proposals/" + submitted + "/withdraw", map("note", "rút")),
                EnumSet.of(Role.MEMBER, Role.BRANCH_SECRETARY),
                (role, as) -> as.post("/api/v1/proposals/" + freshProposal() + "/withdraw", Http.json(map("note", "rút"))), 200));
        return all;
    }

    @Test
    void everyEndpointHasItsRowInTheMatrix() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("org.chibo.meeting.")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern); // a mapping for every method needs rows of its own
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        });
        assertThat(endpoints).as("the service's endpoints").isNotEmpty();
        assertThat(rows).extracting(Row::endpoint).as("the matrix's rows").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(endpoints);
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401AndChangesNothing() {
        Snapshot before = snapshot();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("an expired token", TestTokens.as("quan-tri").in(city).roles(Role.CITY_ADMIN)
                .expiresAt(Instant.now().minus(Duration.ofMinutes(10))).sign());
        tokens.put("another issuer's token", TestTokens.as("quan-tri").in(city).roles(Role.CITY_ADMIN)
                .issuedBy("https://issuer.elsewhere.example").sign());
        tokens.put("a forged token", TestTokens.as("quan-tri").in(city).roles(Role.CITY_ADMIN).forged().sign());
        SoftAssertions.assertSoftly(softly -> {
            for (Row row : rows) {
                tokens.forEach((what, token) -> {
                    Http.Response r = send(new Http(base, token), row.target().get());
                    softly.assertThat(r.status()).as("%s with %s: %s", row.endpoint(), what, r.body()).isEqualTo(401);
                    softly.assertThat(r.contentType()).as("%s with %s", row.endpoint(), what).startsWith("application/problem+json");
                });
            }
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void everyRoleOutsideTheSubtreeAndEveryRoleWithoutTheActionInsideIsRefusedAndChangesNothing() {
        Snapshot before = snapshot();
        SoftAssertions.assertSoftly(softly -> {
            for (Row row : rows) {
                for (Role role : Role.values()) {
                    assertRefused(softly, send(new Http(base, outside.get(role)), row.target().get()), row, role + " of a sibling unit");
                    if (!row.permitted().contains(role)) {
                        assertRefused(softly, send(new Http(base, inside.get(role)), row.target().get()), row, role + " inside");
                    }
                }
            }
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void thePermittedRolesInsideTheSubtreeSucceed() {
        SoftAssertions.assertSoftly(softly -> {
            for (Row row : rows) {
                for (Role role : row.permitted()) {
                    Http.Response r = row.positive().call(role, new Http(base, inside.get(role)));
                    softly.assertThat(r.status()).as("%s as %s inside: %s", row.endpoint(), role, r.body()).isEqualTo(row.success());
                }
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void unknownAndReadOnlyFieldsInABodyAre400NamingTheFieldAndChangeNothing() {
        Snapshot before = snapshot();
        SoftAssertions.assertSoftly(softly -> {
            for (Row row : rows) {
                Req target = row.target().get();
                if (target.method().equals("GET")) {
                    continue;
                }
                Http as = new Http(base, inside.get(permittedRole(row)));
                READ_ONLY.forEach((field, value) -> {
                    Map<String, Object> body = target.body() == null ? new LinkedHashMap<>() : row.target().get().body();
                    if (body.containsKey(field)) {
                        return; // the request's own field of that name (an attendance line's status)
                    }
                    body.put(field, value);
                    assertNamed(softly, send(as, new Req(target.method(), target.path(), body)), row.endpoint() + " with " + field, field);
                });
            }
            // read-only inside a nested part: whether a member was exempt is the roster's, not the request's
            Map<String, Object> record = recordBody();
            ((Map<String, Object>) ((List<?>) record.get("attendance")).get(0)).put("exempt", true);
            assertNamed(softly, new Http(base, inside.get(Role.CITY_ADMIN)).post("/api/v1/meetings", Http.json(record)),
                    "a record's attendance line", "attendance[0].exempt");
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void mongoOperatorsInAnyBodyFieldOrQueryParameterAre400AndChangeNothing() {
        Snapshot before = snapshot();
        List<Map<String, Object>> operators = List.of(map("$gt", ""), map("$ne", null));
        SoftAssertions.assertSoftly(softly -> {
            for (Row row : rows) {
                Req target = row.target().get();
                Http as = new Http(base, inside.get(permittedRole(row)));
                if (target.body() != null) {
                    for (String path : paths(target.body(), "")) {
                        for (Map<String, Object> operator : operators) {
                            Map<String, Object> body = row.target().get().body();
                            replace(body, path, operator);
                            assertNamed(softly, send(as, new Req(target.method(), target.path(), body)),
                                    row.endpoint() + " with " + path + " = " + operator, path);
                        }
                    }
                }
                // ?name[$gt]= for every parameter the endpoint takes, and for one it does not
                List<String> names = new ArrayList<>(queryNames(target.path()));
                names.add("status");
                for (String name : names) {
                    for (String op : List.of("$gt", "$ne")) {
                        String path = target.path() + (target.path().contains("?") ? "&" : "?") + name + "%5B%24" + op.substring(1) + "%5D=";
                        assertNamed(softly, send(as, new Req(target.method(), path, target.body())),
                                row.endpoint() + " with " + name + "[" + op + "]", name + "[" + op + "]");
                    }
                }
            }
            // an operator spelt as a value is a value: it matches nothing
            Http admin = new Http(base, inside.get(Role.CITY_ADMIN));
            Http.Response asValue = admin.get("/api/v1/meetings?branchId=%7B%22%24gt%22%3A%22%22%7D");
            softly.assertThat(asValue.status()).isEqualTo(200);
            softly.assertThat(asValue.body().path("items").size()).isZero();
            softly.assertThat(admin.get("/api/v1/meetings/%7B%22%24ne%22%3Anull%7D").status()).isEqualTo(404);
            softly.assertThat(admin.get("/api/v1/proposals?addressedTo=%7B%22%24ne%22%3Anull%7D").body().path("items").size()).isZero();
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMemberReadsTheirBranchsMeetingsWithoutTheCodeAndOnlyTheirOwnProposals() {
        Http member = new Http(base, inside.get(Role.MEMBER));
        Http secretary = new Http(base, inside.get(Role.BRANCH_SECRETARY));
        Http.Response ofM2 = secretary.post("/api/v1/proposals", Http.json(map("branchId", b1, "memberId", m2, "kind", "PROPOSAL",
                "title", "Lắp đèn ngõ 5", "content", "Đề nghị lắp đèn chiếu sáng ngõ 5.")));
        assertThat(ofM2.status()).as(ofM2.body().toString()).isEqualTo(201);
        String id = ofM2.text("id");

        assertThat(member.get("/api/v1/proposals/" + id).status()).isEqualTo(403);
        assertThat(member.get("/api/v1/proposals?branchId=" + b1).body().path("items").findValuesAsString("memberId")).isNotEmpty()
                .containsOnly(m1);
        assertThat(secretary.get("/api/v1/proposals?branchId=" + b1).body().path("items").findValuesAsString("id")).contains(id);
        // a member submits only their own
        assertThat(member.post("/api/v1/proposals", Http.json(map("branchId", b1, "memberId", m2, "kind", "PROPOSAL",
                "title", "x", "content", "y"))).status()).isEqualTo(403);

        Http.Response meeting = member.get("/api/v1/meetings/" + open);
        assertThat(meeting.status()).isEqualTo(200);
        assertThat(meeting.body().path("checkIn").isNull() || meeting.body().path("checkIn").isMissingNode()).isTrue();
        assertThat(secretary.get("/api/v1/meetings/" + open).body().path("checkIn").path("code").asString()).isEqualTo(openCode);
    }

    @Test
    void theApiDescriptionIsPublicAndSpeaksTheDomainsTerms() {
        Http.Response docs = new Http(base).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        for (Row row : rows) {
            String[] endpoint = row.endpoint().split(" ");
            JsonNode operation = paths.path(endpoint[1]).path(endpoint[0].toLowerCase());
            assertThat(operation.path("summary").asString()).as(row.endpoint()).isNotBlank();
            // who calls comes from the token, never from a parameter
            assertThat(operation.path("parameters").findValuesAsString("name")).as(row.endpoint()).doesNotContain("caller");
        }
        assertThat(docs.body().toString()).contains("sinh hoạt chi bộ", "Điểm danh", "biên bản", "nghị quyết", "kiến nghị");
    }

    // ---- the refusal and naming contracts

    private static void assertRefused(SoftAssertions softly, Http.Response r, Row row, String who) {
        softly.assertThat(r.status()).as("%s as %s: %s", row.endpoint(), who, r.body()).isEqualTo(403);
        softly.assertThat(r.contentType()).as("%s as %s", row.endpoint(), who).startsWith("application/problem+json");
    }

    /** 400 problem+json naming {@code field} (or a part of it: an operator object is refused at its own key). */
    private static void assertNamed(SoftAssertions softly, Http.Response r, String what, String field) {
        softly.assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(400);
        softly.assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        softly.assertThat(r.body().path("errors").findValuesAsString("field")).as("%s: %s", what, r.body())
                .anyMatch(f -> f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["));
    }

    /** A role the row permits, preferring the one whose valid request would change the fixture (the strongest check). */
    private static Role permittedRole(Row row) {
        for (Role r : List.of(Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.MEMBER, Role.INSPECTOR)) {
            if (row.permitted().contains(r)) {
                return r;
            }
        }
        throw new IllegalStateException(row.endpoint() + " permits nobody");
    }

    /**
     * What a refused request must leave as it was: every meeting and proposal document of the two branches, and the
     * events published under their keys. Taken once the outbox has published what the fixture raised.
     */
    record Snapshot(Map<String, String> documents, int events) {
    }

    private Snapshot snapshot() {
        Query ofBranches = Query.query(Criteria.where("branchId").in(b1, b2));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.find(ofBranches, Document.class, "meetings").stream()
                .allMatch(d -> d.getList("pendingEvents", Document.class, List.of()).isEmpty())
                && mongo.find(ofBranches, Document.class, "proposals").stream()
                .allMatch(d -> d.getList("pendingEvents", Document.class, List.of()).isEmpty()));
        Map<String, String> documents = new TreeMap<>();
        for (String collection : List.of("meetings", "proposals")) {
            mongo.find(ofBranches, Document.class, collection).forEach(d -> documents.put(collection + "/" + d.get("_id"), d.toJson()));
        }
        int events = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "meeting.events",
                r -> b1.equals(r.key()) || b2.equals(r.key()), Duration.ofSeconds(1)).size();
        return new Snapshot(documents, events);
    }

    // ---- fixture: fresh objects of B1, made by its secretary

    private Http secretary() {
        return new Http(base, inside.get(Role.BRANCH_SECRETARY));
    }

    private String freshScheduled() {
        return created(secretary().post("/api/v1/meetings/schedule", Http.json(scheduleBody())), 201);
    }

    /** A meeting opened today: its id and check-in code. */
    private String[] freshOpen() {
        String id = freshScheduled();
        Http.Response opened = secretary().post("/api/v1/meetings/" + id + "/open", "{}");
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
        return new String[] {id, opened.body().path("checkIn").path("code").asString()};
    }

    /** An open meeting with m1 checked in (chair and minute-taker of {@link #closeBody}). */
    private String openWithM1In() {
        String id = freshOpen()[0];
        Http.Response in = secretary().post("/api/v1/meetings/" + id + "/check-ins", Http.json(map("memberId", m1, "method", "SECRETARY")));
        assertThat(in.status()).as(in.body().toString()).isEqualTo(200);
        return id;
    }

    private String freshRecorded() {
        return created(secretary().post("/api/v1/meetings", Http.json(recordBody())), 201);
    }

    private String freshProposal() {
        return created(secretary().post("/api/v1/proposals", Http.json(proposalBody())), 201);
    }

    private String freshInReview() {
        String id = freshProposal();
        Http.Response reviewed = new Http(base, inside.get(Role.COMMITTEE_STAFF)).post("/api/v1/proposals/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.body().toString()).isEqualTo(200);
        return id;
    }

    private static String created(Http.Response r, int status) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        return r.text("id");
    }

    // ---- valid bodies (fresh, mutable maps each time)

    private Map<String, Object> scheduleBody() {
        return map("branchId", b1, "type", "EXTRAORDINARY", "on", today.toString(), "place", "Hội trường", "agenda", list("Thời sự"));
    }

    private Map<String, Object> recordBody() {
        return map("branchId", b1, "type", "EXTRAORDINARY", "heldOn", today.toString(), "attendance", list(
                        map("memberId", m1, "status", "PRESENT"), map("memberId", m2, "status", "PRESENT"),
                        map("memberId", m3, "status", "ABSENT_EXCUSED", "reason", "công tác")),
                "vote", map("inFavour", 2, "against", 0, "abstained", 0));
    }

    private Map<String, Object> postponeBody() {
        return map("to", today.plusDays(1).toString(), "reason", "mưa bão");
    }

    private Map<String, Object> closeBody() {
        return map("minutes", map("chairId", m1, "minuteTakerId", m1, "contentItems", list("Thời sự"), "conclusion", "Thống nhất",
                "resolution", map("text", "Nghị quyết", "adopted", true, "tasks", list(map("memberId", m1, "description", "Báo cáo",
                        "dueOn", today.plusMonths(1).toString()))), "signedByChair", true, "signedByMinuteTaker", true),
                "absences", list(map("memberId", m3, "status", "ABSENT_EXCUSED", "reason", "ốm")));
    }

    private Map<String, Object> amendBody() {
        return map("reason", "sửa kết quả biểu quyết", "vote", map("inFavour", 1, "against", 1, "abstained", 0));
    }

    private Map<String, Object> proposalBody() {
        return map("branchId", b1, "memberId", m1, "kind", "PETITION", "title", "Sửa đường ngõ 12", "content", "Đường ngõ 12 xuống cấp.");
    }

    private static Map<String, Object> answerBody() {
        return map("answer", "Đã giao UBND phường", "outcome", "ACCEPTED");
    }

    private static Req get(String path) {
        return new Req("GET", path, null);
    }

    private static Req post(String path, Map<String, Object> body) {
        return new Req("POST", path, body);
    }

    private static Http.Response send(Http http, Req r) {
        String body = r.body() == null ? "{}" : Http.json(r.body());
        return switch (r.method()) {
            case "GET" -> http.get(r.path());
            case "POST" -> http.post(r.path(), body);
            case "PUT" -> http.put(r.path(), body);
            default -> throw new IllegalArgumentException(r.method());
        };
    }

    // ---- JSON paths of a body: every field, nested ones and list items included

    /** Every path in {@code node}: {@code vote}, {@code vote.inFavour}, {@code attendance[0].memberId}, … */
    @SuppressWarnings("unchecked")
    private static List<String> paths(Object node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> {
                String p = prefix.isEmpty() ? k : prefix + "." + k;
                out.add(p);
                out.addAll(paths(v, p));
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                String p = prefix + "[" + i + "]";
                if (l.get(i) instanceof Map || l.get(i) instanceof List) {
                    out.addAll(paths(l.get(i), p));
                } else {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Puts {@code value} at {@code path} in {@code body}. */
    @SuppressWarnings("unchecked")
    private static void replace(Map<String, Object> body, String path, Object value) {
        Object at = body;
        String[] steps = path.replace("[", ".[").split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            if (step.startsWith("[")) {
                int index = Integer.parseInt(step.substring(1, step.length() - 1));
                List<Object> list = (List<Object>) at;
                if (last) {
                    list.set(index, value);
                } else {
                    at = list.get(index);
                }
            } else {
                Map<String, Object> map = (Map<String, Object>) at;
                if (last) {
                    map.put(step, value);
                } else {
                    at = map.get(step);
                }
            }
        }
    }

    private static List<String> queryNames(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return List.of();
        }
        return java.util.Arrays.stream(path.substring(q + 1).split("&")).map(p -> p.split("=")[0]).toList();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    private static Map<String, Object> readOnlyFields() {
        return map("id", "chosen-id", "status", "RECORDED", "version", 99, "history", list(), "pendingEvents", list(),
                "recordedAt", "2026-01-01T00:00:00Z", "organisationPath", "/elsewhere/", "revision", 7, "amendments", list(),
                "checkIns", map(), "checkInCode", "AAAA1111", "slot", "x", "addressedTo", "elsewhere", "submittedBy", "someone",
                "answeredBy", "someone", "submittedAt", "2026-01-01T00:00:00Z");
    }

    // ---- membership events

    private int members(String branchId) {
        BranchRoster roster = mongo.findById(branchId, BranchRoster.class);
        return roster == null || !roster.isKnown() ? 0 : roster.memberList().size();
    }

    private static PendingEvent unit(String id, String parent, String kind, String path) {
        return PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, id, id, new OrganisationRegistered(id, parent, kind,
                "Đơn vị " + id.substring(0, 6), path, Instant.now(), null, kind.equals("BRANCH") ? "RESIDENTIAL_GROUP" : null, null), Instant.now());
    }

    private static PendingEvent member(String id, String branchId, String path) {
        return PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, id, id, new MemberAdmitted(id, branchId, path, "Đảng viên " + id.substring(0, 6),
                "HP-" + id.substring(3, 11), "OFFICIAL", LocalDate.of(2020, 1, 1)), Instant.now());
    }
}
