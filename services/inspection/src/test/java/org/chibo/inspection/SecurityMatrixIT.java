package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.chassis.testing.Problems.assertProblem;
import static org.chibo.inspection.Feed.meeting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access matrix of every endpoint of the service, against the real broker and store: no token or a bad one is a
 * 401; each of the five roles bound outside the object's subtree is refused and changes nothing (store and topic
 * checked); roles inside the subtree but without the right are refused too; the permitted role inside succeeds.
 * Bodies with unknown or read-only fields and MongoDB operator payloads are a 400 naming the field, with nothing
 * changed. The endpoints are read from Spring's own handler mapping: one added later without a row here fails.
 *
 * <p>The tree: city C (Thành ủy) with districts A and B, branch a1 in A and b1 in B. The objects are B's: three
 * findings of b1, B's 2026 inspection plan, B's statistics and feed, and the city's period close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.inspection.calendar.close-cron=-")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

    private static final String GROUP = "inspection-security-it";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String[] OPERATORS = {"{\"$gt\":\"\"}", "{\"$ne\":null}"};

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, GROUP);
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    final String t = UUID.randomUUID().toString().substring(0, 8);
    final String c = "C-" + t, a = "A-" + t, b = "B-" + t, a1 = "a1-" + t, b1 = "b1-" + t;
    final String pathA = "/" + c + "/" + a + "/", pathB = "/" + c + "/" + b + "/";
    String base;
    Feed feed;
    /** b1's findings: one to acknowledge, one to resolve, one to dismiss. */
    String f1, f2, f3;
    String plan;
    List<Row> matrix;

    /** One endpoint on one of B's objects: who may call it inside, and how it answers them. */
    record Row(String endpoint, String method, String path, String body, Set<Role> permitted, int success, boolean changes) {
    }

    @BeforeAll
    void aCityWithTwoDistricts() {
        base = "http://localhost:" + env.getProperty("local.server.port");
        feed = new Feed(kafka, GROUP);
        feed.organisation(c, null, "CITY_COMMITTEE", "/" + c + "/");
        feed.organisation(a, c, "DIRECT_COMMITTEE", pathA);
        feed.organisation(b, c, "DIRECT_COMMITTEE", pathB);
        feed.organisation(a1, a, "BRANCH", pathA + a1 + "/");
        feed.organisation(b1, b, "BRANCH", pathB + b1 + "/");
        feed.awaitConsumed(Duration.ofSeconds(60));
        f1 = "R-G2:" + lowAttendance(b1);
        f2 = "R-G2:" + lowAttendance(b1);
        f3 = "R-G2:" + lowAttendance(b1);
        Http admin = as(Role.CITY_ADMIN, c);
        await().atMost(SOON).until(() -> List.of(f1, f2, f3).stream().allMatch(f -> admin.get("/api/v1/findings/" + f).status() == 200));
        await().atMost(SOON).until(() -> eventsOfB1() == 3);
        Http.Response drawn = as(Role.INSPECTOR, b).post("/api/v1/inspection/plans", "{\"organisationId\":\"" + b + "\",\"year\":2026}");
        assertThat(drawn.status()).as(drawn.body().toString()).isEqualTo(201);
        plan = drawn.body().path("id").asString();

        Set<Role> watchers = EnumSet.of(Role.INSPECTOR, Role.COMMITTEE_STAFF, Role.CITY_ADMIN);
        Set<Role> readers = EnumSet.of(Role.INSPECTOR, Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.BRANCH_SECRETARY);
        Set<Role> inspectors = EnumSet.of(Role.INSPECTOR, Role.CITY_ADMIN);
        matrix = List.of(
                new Row("GET /api/v1/findings", "GET", "/api/v1/findings?organisationId=" + b1, null, readers, 200, false),
                new Row("GET /api/v1/findings/{id}", "GET", "/api/v1/findings/" + f1, null, readers, 200, false),
                new Row("POST /api/v1/findings/{id}/acknowledge", "POST", "/api/v1/findings/" + f1 + "/acknowledge", "{}", inspectors, 200, true),
                new Row("POST /api/v1/findings/{id}/resolve", "POST", "/api/v1/findings/" + f2 + "/resolve",
                        "{\"reason\":\"chi bộ đã họp bổ sung\"}", inspectors, 200, true),
                new Row("POST /api/v1/findings/{id}/dismiss", "POST", "/api/v1/findings/" + f3 + "/dismiss",
                        "{\"reason\":\"biên bản ghi nhầm\"}", inspectors, 200, true),
                new Row("POST /api/v1/inspection/periods/{period}/close", "POST", "/api/v1/inspection/periods/2025-01/close", "{}",
                        EnumSet.of(Role.CITY_ADMIN), 200, true),
                new Row("GET /api/v1/feed", "GET", "/api/v1/feed?organisationId=" + b, null, watchers, 200, false),
                new Row("GET /api/v1/inspection/statistics", "GET", "/api/v1/inspection/statistics?organisationId=" + b + "&year=2026",
                        null, watchers, 200, false),
                new Row("GET /api/v1/inspection/statistics/branches-without-findings", "GET",
                        "/api/v1/inspection/statistics/branches-without-findings?organisationId=" + b + "&year=2026", null, watchers, 200, false),
                new Row("POST /api/v1/inspection/plans", "POST", "/api/v1/inspection/plans",
                        "{\"organisationId\":\"" + b + "\",\"year\":2027}", inspectors, 201, true),
                new Row("GET /api/v1/inspection/plans/{id}", "GET", "/api/v1/inspection/plans/" + plan, null, inspectors, 200, false),
                new Row("GET /api/v1/inspection/plans", "GET", "/api/v1/inspection/plans?year=2026&organisationId=" + b, null, inspectors, 200, false),
                new Row("POST /api/v1/inspection/plans/{id}/inspections/{branchId}/conclusion", "POST",
                        "/api/v1/inspection/plans/" + plan + "/inspections/" + b1 + "/conclusion",
                        "{\"outcome\":\"SHORTCOMINGS\",\"conclusion\":\"chưa đủ tỷ lệ dự họp\",\"concludedOn\":\"2026-03-01\"}", inspectors, 200, true));
    }

    @Test
    void everyEndpointOfTheServiceHasARow() {
        Set<String> rows = matrix.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows)
                .as("an endpoint without a row in the security matrix")
                .isEqualTo(new TreeSet<>(endpoints().keySet()));
    }

    @Test
    void noTokenAnExpiredOneAnotherIssuersAndAForgedOneAreRefusedWith401() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("expired", TestTokens.as("inspector").in(b).roles(Role.INSPECTOR).expiresAt(Instant.now().minusSeconds(600)).sign());
        bad.put("wrong issuer", TestTokens.as("inspector").in(b).roles(Role.INSPECTOR).issuedBy("https://issuer.elsewhere.example").sign());
        bad.put("forged", TestTokens.as("inspector").in(b).roles(Role.INSPECTOR).forged().sign());
        Snapshot before = snapshot();
        for (Row row : matrix) {
            bad.forEach((what, token) -> {
                Http.Response r = call(new Http(base, token), row);
                assertThat(r.status()).as(row.endpoint() + " with " + what).isEqualTo(401);
                assertProblem(r, 401);
            });
        }
        assertUnchanged(before);
    }

    @Test
    void everyRoleOutsideTheSubtreeAndEveryRoleWithoutTheRightInsideIsRefusedAndChangesNothing() {
        Snapshot before = snapshot();
        for (Row row : matrix) {
            for (Role role : Role.values()) {
                for (String outside : List.of(a, a1)) {
                    Http.Response r = call(as(role, outside), row);
                    assertThat(r.status()).as("%s as %s of %s: %s", row.endpoint(), role, outside, r.body()).isEqualTo(403);
                    assertProblem(r, 403);
                }
                if (!row.permitted().contains(role)) {
                    Http.Response r = call(as(role, inside(role)), row);
                    assertThat(r.status()).as("%s as %s of %s: %s", row.endpoint(), role, inside(role), r.body()).isEqualTo(403);
                }
            }
        }
        // B's branch secretary is refused on a district-wide filter; a token bound to no organisation sees nothing
        assertProblem(as(Role.BRANCH_SECRETARY, b1).get("/api/v1/findings?organisationId=" + b), 403);
        assertProblem(new Http(base, TestTokens.as("nobody").roles(Role.INSPECTOR).sign()).get("/api/v1/findings"), 403);
        assertUnchanged(before);
    }

    @Test
    void listingsWithoutAnOrganisationAreTheCallersSubtree() {
        for (Role role : List.of(Role.INSPECTOR, Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.BRANCH_SECRETARY)) {
            String org = role == Role.BRANCH_SECRETARY ? a1 : a;
            JsonNode items = as(role, org).get("/api/v1/findings?size=200").body().path("items");
            assertThat(items.findValuesAsString("branchId")).as(role.name()).doesNotContain(b1);
            assertThat(as(role, org).get("/api/v1/findings?branchId=" + b1).body().path("items")).as(role.name()).isEmpty();
            assertThat(as(role, inside(role)).get("/api/v1/findings?size=200").body().path("items").findValuesAsString("id"))
                    .as(role.name()).contains(f1, f2, f3);
        }
        assertThat(as(Role.INSPECTOR, a).get("/api/v1/inspection/plans?year=2026").body().findValuesAsString("id")).doesNotContain(plan);
        assertThat(as(Role.INSPECTOR, b).get("/api/v1/inspection/plans?year=2026").body().findValuesAsString("id")).contains(plan);
    }

    @Test
    void thePermittedRolesInsideTheSubtreeSucceed() {
        for (Row row : matrix) {
            List<Role> roles = row.changes() ? List.of(row.permitted().iterator().next()) : List.copyOf(row.permitted());
            for (Role role : roles) {
                if (row.endpoint().equals("GET /api/v1/feed")) {
                    try (SseClient watching = SseClient.connect(base + row.path(), null, token(role, inside(role)))) {
                        assertThat(watching.status()).as(row.endpoint() + " as " + role).isEqualTo(200);
                    }
                    continue;
                }
                Http.Response r = call(as(role, inside(role)), row);
                assertThat(r.status()).as("%s as %s of %s: %s", row.endpoint(), role, inside(role), r.body()).isEqualTo(row.success());
            }
        }
        assertThat(mongo.findById(f1, Document.class, "findings").getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(mongo.findById(f2, Document.class, "findings").getString("status")).isEqualTo("RESOLVED");
        assertThat(mongo.findById(f3, Document.class, "findings").getString("status")).isEqualTo("DISMISSED");
        assertThat(mongo.findById(b + ":2027", Document.class, "inspection_plans")).isNotNull();
    }

    @Test
    void anInspectorOfOneDistrictNeverReceivesTheOthersFindingsOnTheFeed() {
        try (SseClient districtA = SseClient.connect(base + "/api/v1/feed?include=meetings", null, token(Role.INSPECTOR, a))) {
            assertThat(districtA.status()).isEqualTo(200);
            String elsewhere = lowAttendance(b1);
            await().atMost(SOON).until(() -> inFeed(elsewhere));
            String sentinel = lowAttendance(a1);
            List<SseClient.Event> received = districtA.until(e -> e.data().contains(sentinel) && e.name().equals(EventCatalogue.FINDING_RAISED.type()), SOON);
            assertThat(received).isNotEmpty().allSatisfy(e -> {
                assertThat(e.data()).doesNotContain(b1).doesNotContain(elsewhere);
                assertThat(JSON.readTree(e.data()).path("organisationPath").asString("")).startsWith(pathA);
            });
        }
    }

    /** Unknown and read-only fields never reach the data: a 400 naming the field, and nothing written or published. */
    @Test
    void unknownAndReadOnlyFieldsInABodyAreRefusedNamingTheField() {
        List<String> findingFields = List.of("id", "status", "ruleId", "ruleVersion", "severity", "version", "evidence",
                "pendingEvents", "history", "organisationPath", "branchId", "memberIds", "raisedAt", "by");
        Map<String, List<String>> readOnly = Map.of(
                "POST /api/v1/findings/{id}/acknowledge", findingFields,
                "POST /api/v1/findings/{id}/resolve", findingFields,
                "POST /api/v1/findings/{id}/dismiss", findingFields,
                "POST /api/v1/inspection/periods/{period}/close", List.of("period", "branchesChecked", "findingsRaised", "alreadyClosed", "by"),
                "POST /api/v1/inspection/plans", List.of("id", "organisationPath", "inspections", "drawnBy", "drawnAt", "riskYear", "version"),
                "POST /api/v1/inspection/plans/{id}/inspections/{branchId}/conclusion", List.of("id", "by", "at", "branchId", "text", "version"));
        Snapshot before = snapshot();
        for (Row row : bodies()) {
            assertThat(readOnly).as("read-only fields listed for " + row.endpoint()).containsKey(row.endpoint());
            Role role = row.permitted().iterator().next();
            for (String field : readOnly.get(row.endpoint())) {
                Http.Response r = call(as(role, inside(role)), row, with(row.body(), field, "\"x\""));
                assertThat(r.status()).as("%s with %s: %s", row.endpoint(), field, r.body()).isEqualTo(400);
                assertProblem(r, 400, field);
            }
        }
        assertUnchanged(before);
    }

    /** {"$gt": ""} and {"$ne": null} in any body field, and name[$gt]= in the query, are a 400: never a 500, never a match. */
    @Test
    void mongoOperatorPayloadsAreRefusedInEveryBodyFieldAndQueryParameter() {
        Snapshot before = snapshot();
        for (Row row : bodies()) {
            Role role = row.permitted().iterator().next();
            List<String> fields = new ArrayList<>(fieldsOf(row.body()));
            if (row.endpoint().endsWith("/acknowledge")) {
                fields.add("reason"); // optional, so not in the row's body
            }
            if (row.endpoint().endsWith("/close")) {
                fields.add("$gt"); // the body itself an operator
            }
            if (row.endpoint().equals("POST /api/v1/inspection/plans")) {
                fields.addAll(List.of("riskCount", "randomCount", "seed"));
            }
            for (String field : fields) {
                for (String operator : OPERATORS) {
                    Http.Response r = call(as(role, inside(role)), row, with(row.body(), field, operator));
                    assertThat(r.status()).as("%s with %s = %s: %s", row.endpoint(), field, operator, r.body()).isEqualTo(400);
                    assertProblem(r, 400, field);
                }
            }
        }
        Map<String, Set<String>> parameters = endpoints();
        for (Row row : matrix) {
            Role role = row.permitted().iterator().next();
            Set<String> names = parameters.get(row.endpoint()).isEmpty() ? Set.of("id") : parameters.get(row.endpoint());
            for (String name : names) {
                for (String operator : List.of("$gt", "$ne", "$regex")) {
                    String param = name + "[" + operator + "]";
                    String encoded = URLEncoder.encode(param, StandardCharsets.UTF_8) + "=";
                    String raw = param + "=";
                    for (String query : List.of(encoded, raw)) {
                        Row withParam = new Row(row.endpoint(), row.method(), row.path() + (row.path().contains("?") ? "&" : "?") + query,
                                row.body(), row.permitted(), row.success(), row.changes());
                        Http.Response r = call(as(role, inside(role)), withParam);
                        assertThat(r.status()).as("%s with %s: %s", row.endpoint(), query, r.body()).isEqualTo(400);
                        assertProblem(r, 400, param);
                    }
                }
            }
        }
        // an operator as a filter's value is a string like any other: it matches nothing
        String operatorValue = URLEncoder.encode("{\"$gt\":\"\"}", StandardCharsets.UTF_8);
        assertThat(as(Role.CITY_ADMIN, c).get("/api/v1/findings?branchId=" + operatorValue).body().path("items")).isEmpty();
        assertThat(as(Role.CITY_ADMIN, c).get("/api/v1/findings?organisationId=" + operatorValue).status()).isEqualTo(404);
        assertUnchanged(before);
    }

    /** The API description is public, in Vietnamese, and does not describe the caller as a parameter. */
    @Test
    void theApiDescriptionIsPublicAndSaysWhoMayCallWhat() {
        Http.Response docs = new Http(base).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        assertThat(paths.path("/api/v1/findings").path("get").path("summary").asString()).contains("phát hiện kiểm tra");
        assertThat(paths.path("/api/v1/inspection/plans/{id}/inspections/{branchId}/conclusion").path("post").path("summary").asString())
                .contains("kết luận kiểm tra");
        assertThat(paths.path("/api/v1/feed").path("get").path("summary").asString()).contains("Luồng tin kiểm tra");
        assertThat(docs.body().path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.body().toString()).doesNotContain("\"caller\"").doesNotContain("ActingUser");
        for (String endpoint : endpoints().keySet()) {
            String[] parts = endpoint.split(" ", 2);
            assertThat(paths.path(parts[1]).path(parts[0].toLowerCase()).path("summary").asString()).as(endpoint).isNotBlank();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every endpoint of the service ("METHOD pattern") and the query parameters it declares. */
    private Map<String, Set<String>> endpoints() {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.chibo.inspection")) {
                continue;
            }
            Set<String> params = new TreeSet<>();
            Arrays.stream(e.getValue().getMethodParameters()).forEach(p -> {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    params.add(rp.name().isEmpty() ? p.getParameterName() : rp.name());
                }
            });
            for (var method : e.getKey().getMethodsCondition().getMethods()) {
                for (String pattern : e.getKey().getPatternValues()) {
                    found.put(method.name() + " " + pattern, params);
                }
            }
        }
        return found;
    }

    private List<Row> bodies() {
        return matrix.stream().filter(r -> r.body() != null).toList();
    }

    /** Where a role is bound inside the objects' subtree: the branch for a secretary or member, the city for its admin. */
    private String inside(Role role) {
        return switch (role) {
            case BRANCH_SECRETARY, MEMBER -> b1;
            case CITY_ADMIN -> c;
            default -> b;
        };
    }

    private String token(Role role, String organisation) {
        return TestTokens.as(role.name().toLowerCase() + "@" + organisation).in(organisation).roles(role)
                .member(role == Role.MEMBER ? "m0-" + organisation : null).sign();
    }

    private Http as(Role role, String organisation) {
        return new Http(base, token(role, organisation));
    }

    private Http.Response call(Http http, Row row) {
        return call(http, row, row.body());
    }

    private Http.Response call(Http http, Row row, String body) {
        return row.method().equals("GET") ? http.get(row.path()) : http.post(row.path(), body);
    }

    /** The JSON body with {@code field} set to the raw JSON {@code value}. */
    private static String with(String body, String field, String value) {
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(body);
        node.set(field, JSON.readTree(value));
        return JSON.writeValueAsString(node);
    }

    private static List<String> fieldsOf(String body) {
        List<String> names = new ArrayList<>();
        JSON.readTree(body).propertyNames().forEach(names::add);
        return names;
    }

    /** What a refused call must not change: B's findings, every plan, the closed periods, and b1's events. */
    private record Snapshot(List<String> findings, List<String> plans, List<String> closed, int events) {
    }

    /** Taken once the outbox has relayed every event of b1's findings, so only a change made meanwhile can differ. */
    private Snapshot snapshot() {
        await().atMost(SOON).until(() -> !mongo.exists(Query.query(Criteria.where("branchId").is(b1)
                .and("pendingEvents.0").exists(true)), "findings"));
        return new Snapshot(json(mongo.find(Query.query(Criteria.where("branchId").is(b1)), Document.class, "findings")),
                json(mongo.findAll(Document.class, "inspection_plans")), json(mongo.findAll(Document.class, "closed_periods")),
                eventsOfB1());
    }

    private void assertUnchanged(Snapshot before) {
        assertThat(snapshot()).isEqualTo(before);
    }

    private static List<String> json(List<Document> documents) {
        return documents.stream().map(Document::toJson).sorted().toList();
    }

    /** The events on inspection.findings about b1 (raised, moved, a period's finding), by id: a relay may send one twice. */
    private int eventsOfB1() {
        return (int) TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "inspection.findings", r -> b1.equals(r.key()), Duration.ofSeconds(1))
                .stream().map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).distinct().count();
    }

    private boolean inFeed(String meetingId) {
        return mongo.exists(Query.query(Criteria.where("type").regex("finding-raised").and("data").regex(meetingId)), "feed_entries");
    }

    /** Records a meeting of the branch with 8 of 10 present (R-G2); returns its id. */
    private String lowAttendance(String branch) {
        String id = UUID.randomUUID().toString();
        String path = (branch.equals(b1) ? pathB : pathA) + branch + "/";
        Feed.Record m = meeting(id, branch, path, LocalDate.of(2026, 10, 5));
        for (int i = 0; i < 10; i++) {
            m.member("m" + i + "-" + branch, "OFFICIAL", i < 8 ? "PRESENT" : "ABSENT_EXCUSED");
        }
        feed.recorded(m.build());
        return id;
    }
}
