package org.chibo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
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
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberLeft;
import org.chibo.contracts.membership.OrganisationDissolved;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Issue 7's security matrix over every endpoint of the service, enumerated from the running application's handler
 * mapping (an endpoint added without a row here fails {@link #everyEndpointHasARowInTheMatrix}): no token, an expired
 * one, another issuer's or a forged one → 401; each of the five roles bound outside the object's subtree → 403 and
 * nothing written, nothing published; the permitted roles inside it succeed; unknown and read-only fields in bodies,
 * MongoDB operators in any body field or query parameter → 400 naming the field, nothing changed.
 *
 * <p>The city: {@code X} with district {@code D} (grassroots committee {@code G}, branches {@code B1}, {@code B2}) and
 * district {@code D2} (branch {@code O}). The objects are B1's and its members'; "outside" is D2 and O. Year 2023 is
 * closed by the city's administrator for the ratings; 2022 is the year nobody may close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chibo.evaluation.year-close.scheduler-enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityMatrixIT {

    private static final int YEAR = 2023;
    private static final int UNCLOSED = 2022;
    private static final String RUN = "s" + UUID.randomUUID().toString().substring(0, 8);
    private static final String X = RUN + "-x";
    private static final String D = RUN + "-d";
    private static final String G = RUN + "-g";
    private static final String B1 = RUN + "-b1";
    private static final String B2 = RUN + "-b2";
    private static final String D2 = RUN + "-d2";
    private static final String O = RUN + "-o";
    private static final Map<String, String> PATHS = Map.of(X, "/" + X + "/", D, "/" + X + "/" + D + "/",
            G, "/" + X + "/" + D + "/" + G + "/", B1, "/" + X + "/" + D + "/" + G + "/" + B1 + "/",
            B2, "/" + X + "/" + D + "/" + G + "/" + B2 + "/", D2, "/" + X + "/" + D2 + "/", O, "/" + X + "/" + D2 + "/" + O + "/");
    private static final String M1 = B1 + "-m1";
    private static final String M2 = B1 + "-m2";
    private static final String M3 = B1 + "-m3";
    private static final String OM = O + "-m1";

    // ---- who calls ----------------------------------------------------------------------------------------------------

    record Who(String label, String token) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static Who as(String label, String org, Role role) {
        return new Who(label, TestTokens.issue(label + "-" + RUN, org, role));
    }

    private static Who member(String label, String branch, String memberId) {
        return new Who(label, TestTokens.as(label + "-" + RUN).in(branch).roles(Role.MEMBER).member(memberId).sign());
    }

    private static final Who ADMIN_X = as("city-admin@X", X, Role.CITY_ADMIN);
    private static final Who STAFF_X = as("committee-staff@X", X, Role.COMMITTEE_STAFF);
    private static final Who STAFF_G = as("committee-staff@G", G, Role.COMMITTEE_STAFF);
    private static final Who STAFF_B1 = as("committee-staff@B1", B1, Role.COMMITTEE_STAFF);
    private static final Who INSPECTOR_D = as("inspector@D", D, Role.INSPECTOR);
    private static final Who INSPECTOR_X = as("inspector@X", X, Role.INSPECTOR);
    private static final Who SECRETARY_B1 = as("secretary@B1", B1, Role.BRANCH_SECRETARY);
    private static final Who SECRETARY_B2 = as("secretary@B2", B2, Role.BRANCH_SECRETARY);
    private static final Who MEMBER_M1 = member("member-m1@B1", B1, M1);
    private static final Who MEMBER_M2 = member("member-m2@B1", B1, M2);

    /** The five roles, each bound to an organisation outside the objects' subtree (district D2, its branch O). */
    private static final List<Who> OUTSIDE = List.of(as("city-admin@D2", D2, Role.CITY_ADMIN), as("committee-staff@D2", D2, Role.COMMITTEE_STAFF),
            as("inspector@D2", D2, Role.INSPECTOR), as("secretary@O", O, Role.BRANCH_SECRETARY), member("member@O", O, OM));

    // ---- the matrix: one row per endpoint -----------------------------------------------------------------------------

    /** A permitted caller's successful call (the positive control), on {@code path} with {@code body}. */
    record Allowed(Who who, String path, String body) {
    }

    /**
     * @param path          the request the refusals are tried on (the object in B1's subtree)
     * @param permitted     inside the subtree, with a role that may: 200
     * @param refusedInside inside the subtree, but without the role (or not their own record): 403
     * @param bodyFields    the fields the body may carry, each tried with MongoDB operators
     */
    record Row(String method, String pattern, String path, String body, List<Allowed> permitted, List<Who> refusedInside,
               List<String> bodyFields) {
        String key() {
            return method + " " + pattern;
        }

        Http.Response send(Http http, String path, String body) {
            return method.equals("POST") ? http.post(path, body) : http.get(path);
        }
    }

    private static final String RATINGS = "/api/v1/evaluation/years/" + YEAR + "/ratings";
    private static final String OVERRIDE = "{\"rating\":\"GOOD\",\"reason\":\"kết quả nổi bật theo quyết định của cấp ủy\"}";

    private static final List<Row> MATRIX = List.of(
            new Row("POST", "/api/v1/evaluation/years/{year}/close", "/api/v1/evaluation/years/" + UNCLOSED + "/close", "{}",
                    List.of(new Allowed(ADMIN_X, "/api/v1/evaluation/years/" + YEAR + "/close", "{}")),
                    List.of(STAFF_X, INSPECTOR_X, SECRETARY_B1, MEMBER_M1), List.of()),
            new Row("GET", "/api/v1/evaluation/years/{year}/ratings", RATINGS + "?branchId=" + B1, null,
                    allowedOn(RATINGS + "?branchId=" + B1, STAFF_G, ADMIN_X, INSPECTOR_D, SECRETARY_B1, MEMBER_M1),
                    List.of(SECRETARY_B2), List.of()),
            new Row("GET", "/api/v1/evaluation/years/{year}/ratings/{subjectType}/{subjectId}", RATINGS + "/MEMBER/" + M1, null,
                    allowedOn(RATINGS + "/MEMBER/" + M1, STAFF_G, ADMIN_X, INSPECTOR_D, SECRETARY_B1, MEMBER_M1),
                    List.of(MEMBER_M2, SECRETARY_B2), List.of()),
            new Row("POST", "/api/v1/evaluation/years/{year}/ratings/{subjectType}/{subjectId}/confirmation",
                    RATINGS + "/MEMBER/" + M2 + "/confirmation", "{}",
                    List.of(new Allowed(STAFF_G, RATINGS + "/MEMBER/" + M2 + "/confirmation", "{}"),
                            new Allowed(ADMIN_X, RATINGS + "/BRANCH/" + B1 + "/confirmation", "{\"reason\":\"đúng căn cứ\"}")),
                    List.of(INSPECTOR_D, SECRETARY_B1, MEMBER_M2, SECRETARY_B2), List.of("reason")),
            new Row("POST", "/api/v1/evaluation/years/{year}/ratings/{subjectType}/{subjectId}/override",
                    RATINGS + "/MEMBER/" + M3 + "/override", OVERRIDE,
                    List.of(new Allowed(STAFF_G, RATINGS + "/MEMBER/" + M3 + "/override", OVERRIDE),
                            new Allowed(ADMIN_X, RATINGS + "/MEMBER/" + M3 + "/override", OVERRIDE)),
                    // a committee staff bound to the branch itself: the branch's rating unit is G, above it
                    List.of(INSPECTOR_D, SECRETARY_B1, MEMBER_M1, SECRETARY_B2), List.of("rating", "reason")),
            new Row("GET", "/api/v1/scorecards/members/{memberId}", "/api/v1/scorecards/members/" + M1 + "?year=" + YEAR, null,
                    allowedOn("/api/v1/scorecards/members/" + M1 + "?year=" + YEAR, STAFF_G, ADMIN_X, INSPECTOR_D, SECRETARY_B1, MEMBER_M1),
                    List.of(MEMBER_M2, SECRETARY_B2), List.of()),
            new Row("GET", "/api/v1/scorecards/organisations/{organisationId}", "/api/v1/scorecards/organisations/" + G + "?year=" + YEAR, null,
                    allowedOn("/api/v1/scorecards/organisations/" + G + "?year=" + YEAR, STAFF_G, ADMIN_X, INSPECTOR_D),
                    List.of(SECRETARY_B1, MEMBER_M1), List.of()),
            new Row("GET", "/api/v1/scorecards/{branchId}", "/api/v1/scorecards/" + B1 + "?year=" + YEAR, null,
                    allowedOn("/api/v1/scorecards/" + B1 + "?year=" + YEAR, STAFF_G, ADMIN_X, INSPECTOR_D, SECRETARY_B1),
                    List.of(MEMBER_M1, SECRETARY_B2), List.of()),
            new Row("GET", "/api/v1/evaluation/statistics", "/api/v1/evaluation/statistics?year=" + YEAR + "&organisationId=" + G, null,
                    allowedOn("/api/v1/evaluation/statistics?year=" + YEAR + "&organisationId=" + G, STAFF_G, ADMIN_X, INSPECTOR_D),
                    List.of(SECRETARY_B1, MEMBER_M1), List.of()));

    private static List<Allowed> allowedOn(String path, Who... who) {
        return Arrays.stream(who).map(w -> new Allowed(w, path, null)).toList();
    }

    /** Everything a body must not set: the rating's own and computed fields, the store's, and a field nobody knows. */
    private static final Map<String, String> READ_ONLY_FIELDS = new LinkedHashMap<>();

    static {
        READ_ONLY_FIELDS.put("id", "\"BRANCH:x:2023\"");
        READ_ONLY_FIELDS.put("subjectType", "\"BRANCH\"");
        READ_ONLY_FIELDS.put("subjectId", "\"someone-else\"");
        READ_ONLY_FIELDS.put("branchId", "\"" + O + "\"");
        READ_ONLY_FIELDS.put("year", "2022");
        READ_ONLY_FIELDS.put("organisationPath", "\"" + PATHS.get(O) + "\"");
        READ_ONLY_FIELDS.put("districtId", "\"" + D2 + "\"");
        READ_ONLY_FIELDS.put("ratingUnitId", "\"" + O + "\"");
        READ_ONLY_FIELDS.put("proposedRating", "\"EXCELLENT\"");
        READ_ONLY_FIELDS.put("finalRating", "\"EXCELLENT\"");
        READ_ONLY_FIELDS.put("stage", "\"CONFIRMED\"");
        READ_ONLY_FIELDS.put("criteria", "[]");
        READ_ONLY_FIELDS.put("ruleSetVersion", "\"forged-1\"");
        READ_ONLY_FIELDS.put("proposedAt", "\"2020-01-01T00:00:00Z\"");
        READ_ONLY_FIELDS.put("decisions", "[]");
        READ_ONLY_FIELDS.put("decidedBy", "\"someone-else\"");
        READ_ONLY_FIELDS.put("by", "\"someone-else\"");
        READ_ONLY_FIELDS.put("version", "99");
        READ_ONLY_FIELDS.put("pendingEvents", "[]");
        READ_ONLY_FIELDS.put("$where", "\"1 == 1\"");
        READ_ONLY_FIELDS.put("isAdmin", "true");
    }

    private static final List<String> OPERATORS = List.of("{\"$gt\": \"\"}", "{\"$ne\": null}");

    // ---- the test context ---------------------------------------------------------------------------------------------

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "evaluation-security-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private static boolean cityReady;

    private Http http(Who who) {
        return new Http("http://localhost:" + env.getProperty("local.server.port"), who == null ? null : who.token());
    }

    // ---- the tests ----------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void everyEndpointHasARowInTheMatrix() {
        Set<String> service = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        endpoints().forEach((key, method) -> (isService(method) ? service : others).add(key));

        assertThat(service).as("endpoints of the service; add a row to MATRIX for a new one")
                .containsExactlyInAnyOrderElementsOf(MATRIX.stream().map(Row::key).toList());
        // what the chassis leaves open on purpose: the API description and the error page
        assertThat(others).allSatisfy(k -> assertThat(k).matches("\\S+ (/v3/api-docs.*|/error)"));
    }

    @Test
    @Order(2)
    void noTokenAnExpiredOneAnotherIssuersOrAForgedOneIs401OnEveryEndpoint() {
        List<Who> bad = List.of(new Who("no token", null),
                new Who("expired", TestTokens.as("late").in(X).roles(Role.CITY_ADMIN).expiresAt(Instant.now().minus(Duration.ofHours(2))).sign()),
                new Who("wrong issuer", TestTokens.as("stranger").in(X).roles(Role.CITY_ADMIN).issuedBy("https://issuer.elsewhere.example").sign()),
                new Who("forged", TestTokens.as("forger").in(X).roles(Role.CITY_ADMIN).forged().sign()));
        for (Row row : MATRIX) {
            for (Who who : bad) {
                Http.Response r = row.send(http(who), row.path(), row.body());
                assertThat(r.status()).as(row.key() + " with " + who).isEqualTo(401);
                Problems.assertProblem(r, 401);
            }
        }
    }

    @Test
    @Order(3)
    void theApiDescriptionNeedsNoTokenAndSpeaksTheDomainsTerms() {
        Http.Response docs = http(null).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body().toString()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        List<String> summaries = new ArrayList<>();
        for (Row row : MATRIX) {
            JsonNode operation = paths.path(row.pattern()).path(row.method().toLowerCase());
            assertThat(operation.isMissingNode()).as(row.key() + " documented").isFalse();
            assertThat(operation.path("summary").asString()).as(row.key()).isNotBlank();
            assertThat(operation.path("parameters").findValuesAsString("name")).as("the caller comes from the token")
                    .doesNotContain("caller", "subject", "roles", "id");
            summaries.add(operation.path("summary").asString());
        }
        assertThat(String.join(" | ", summaries)).contains("xếp loại chất lượng", "Phiếu đánh giá", "xác nhận",
                "Hoàn thành xuất sắc nhiệm vụ", "Kết thúc năm đánh giá", "Thống kê kết quả xếp loại");
        assertThat(docs.body().path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    @Order(4)
    void everyRoleBoundOutsideTheSubtreeIsRefusedAndNothingChanges() {
        city();
        Map<String, Document> before = snapshot();
        for (Row row : MATRIX) {
            for (Who who : OUTSIDE) {
                Http.Response r = row.send(http(who), row.path(), row.body());
                assertThat(r.status()).as(row.key() + " by " + who + ": " + r.body()).isEqualTo(403);
                Problems.assertProblem(r, 403);
            }
            for (Who who : row.refusedInside()) {
                Http.Response r = row.send(http(who), row.path(), row.body());
                assertThat(r.status()).as(row.key() + " by " + who + " (inside, not permitted): " + r.body()).isEqualTo(403);
                Problems.assertProblem(r, 403);
            }
        }
        // a branch does not decide on its own rating: its rating unit is the grassroots committee above it
        Problems.assertProblem(http(STAFF_B1).post(RATINGS + "/BRANCH/" + B1 + "/confirmation", "{}"), 403);
        Problems.assertProblem(http(STAFF_B1).post(RATINGS + "/BRANCH/" + B1 + "/override", OVERRIDE), 403);
        assertThat(snapshot()).isEqualTo(before);

        // without an organisation filter, a listing and the statistics are the caller's subtree only
        for (Who who : OUTSIDE) {
            JsonNode items = http(who).get(RATINGS + "?size=500").body().path("items");
            assertThat(items.findValuesAsString("organisationPath")).as(who.label())
                    .noneMatch(p -> p.contains("/" + D + "/")).allMatch(p -> p.contains("/" + D2 + "/"));
        }
        assertThat(http(MEMBER_M1).get(RATINGS + "?size=500").body().path("items").findValuesAsString("id"))
                .containsExactly("MEMBER:" + M1 + ":" + YEAR);
        JsonNode d2 = http(OUTSIDE.get(1)).get("/api/v1/evaluation/statistics?year=" + YEAR).body();
        assertThat(d2.path("organisationId").asString()).isEqualTo(D2);
        assertThat(d2.path("total").path("current").path("members").path("rated").asInt()).isEqualTo(1);
        assertThat(d2.path("total").path("current").path("organisations").path("rated").asInt()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void unknownAndReadOnlyFieldsInABodyAre400NamingTheFieldAndChangeNothing() {
        city();
        Map<String, Document> before = snapshot();
        for (Row row : MATRIX) {
            if (row.body() == null) {
                continue;
            }
            Who permitted = row.permitted().get(0).who();
            for (Map.Entry<String, String> field : READ_ONLY_FIELDS.entrySet()) {
                if (row.bodyFields().contains(field.getKey())) {
                    continue;
                }
                String body = withField(row.body(), field.getKey(), field.getValue());
                Http.Response r = row.send(http(permitted), row.path(), body);
                assertThat(r.status()).as(row.key() + " " + body + ": " + r.body()).isEqualTo(400);
                Problems.assertProblem(r, 400, field.getKey());
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void mongoOperatorsInAnyBodyFieldOrQueryParameterAre400AndNeverMatch() {
        city();
        Map<String, Document> before = snapshot();
        Map<String, HandlerMethod> endpoints = endpoints();
        for (Row row : MATRIX) {
            Http admin = http(ADMIN_X);
            for (String operator : OPERATORS) {
                // as the value of every field of the body
                for (String field : row.bodyFields()) {
                    String body = withField(row.body(), field, operator);
                    Http.Response r = row.send(admin, row.path(), body);
                    assertThat(r.status()).as(row.key() + " " + body + ": " + r.body()).isEqualTo(400);
                    Problems.assertProblem(r, 400, field);
                }
                // as the whole body, or a field of its own
                if (row.body() != null) {
                    Http.Response r = row.send(admin, row.path(), "{\"$gt\": \"\"}");
                    Problems.assertProblem(r, 400, "$gt");
                }
                // as the value of every query parameter the endpoint takes
                for (String parameter : queryParameters(endpoints.get(row.key()))) {
                    String path = withQuery(row.path(), parameter, operator);
                    Http.Response r = row.send(admin, path, row.body());
                    assertThat(r.status()).as(row.key() + " " + path + ": " + r.body()).isEqualTo(400);
                    Problems.assertProblem(r, 400, parameter);
                }
            }
            // bracketed operators in a parameter's name, as qs-style parsers read them
            List<String> names = new ArrayList<>(queryParameters(endpoints.get(row.key())));
            names.add("branchId");
            for (String name : names) {
                for (String op : List.of("[$gt]", "[$ne]")) {
                    String path = row.path() + (row.path().contains("?") ? "&" : "?") + encode(name + op) + "=";
                    Http.Response r = row.send(admin, path, row.body());
                    assertThat(r.status()).as(row.key() + " " + path + ": " + r.body()).isEqualTo(400);
                    Problems.assertProblem(r, 400, name + op);
                }
            }
        }
        // an operator where an id goes in the path
        Problems.assertProblem(http(ADMIN_X).get(RATINGS + "/MEMBER/$gt"), 400, "subjectId");
        Problems.assertProblem(http(ADMIN_X).post(RATINGS + "/MEMBER/$ne/override", OVERRIDE), 400, "subjectId");
        Problems.assertProblem(http(ADMIN_X).get("/api/v1/scorecards/" + encode("{\"$gt\":\"\"}") + "?year=" + YEAR), 400, "branchId");
        Problems.assertProblem(http(ADMIN_X).get("/api/v1/scorecards/members/$gt?year=" + YEAR), 400, "memberId");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void insideTheSubtreeThePermittedRolesSucceedAndTheRefusedLeftNoEvent() {
        city();
        // nothing the refused, malformed or injected requests above tried was published
        assertThat(decisionsPublishedOn(M1, M2, M3, B1)).isEmpty();
        assertThat(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "evaluation.ratings", r -> String.valueOf(UNCLOSED).equals(r.key()),
                Duration.ofSeconds(1))).isEmpty();

        for (Row row : MATRIX) {
            for (Allowed allowed : row.permitted()) {
                Http.Response r = row.send(http(allowed.who()), allowed.path(), allowed.body() != null ? allowed.body() : row.body());
                assertThat(r.status()).as(row.key() + " by " + allowed.who() + ": " + r.body()).isEqualTo(200);
            }
        }
        assertThat(http(MEMBER_M1).get(RATINGS + "?branchId=" + B1).body().path("items").findValuesAsString("id"))
                .as("a member sees their own rating only").containsExactly("MEMBER:" + M1 + ":" + YEAR);
        assertThat(http(SECRETARY_B1).get(RATINGS + "?branchId=" + B1).body().path("items").findValuesAsString("id"))
                .containsExactlyInAnyOrder("BRANCH:" + B1 + ":" + YEAR, "MEMBER:" + M1 + ":" + YEAR, "MEMBER:" + M2 + ":" + YEAR,
                        "MEMBER:" + M3 + ":" + YEAR);
        JsonNode overridden = http(STAFF_G).get(RATINGS + "/MEMBER/" + M3).body();
        assertThat(overridden.path("decisions").findValuesAsString("by")).containsExactly(STAFF_G.label() + "-" + RUN, ADMIN_X.label() + "-" + RUN);
        assertThat(overridden.path("decisions").findValuesAsString("reason")).allMatch(r -> r.startsWith("kết quả nổi bật"));
        // the permitted decisions were published: the check above for "none" could have failed
        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsPublishedOn(M2, M3, B1).size() == 4);
    }

    // ---- the demo city for this class -------------------------------------------------------------------------------

    /** Publishes the city, its members and a meeting of B1 and O, waits for them, and closes 2023 as the city's admin. */
    private synchronized void city() {
        if (cityReady) {
            return;
        }
        register(X, null, "CITY_COMMITTEE");
        register(D, X, "DIRECT_COMMITTEE");
        register(D2, X, "DIRECT_COMMITTEE");
        register(G, D, "GRASSROOTS_COMMITTEE");
        register(B1, G, "BRANCH");
        register(B2, G, "BRANCH");
        register(O, D2, "BRANCH");
        for (String m : List.of(M1, M2, M3)) {
            admit(m, B1);
        }
        admit(B2 + "-m1", B2);
        admit(OM, O);
        meeting(B1, List.of(M1, M2, M3));
        meeting(O, List.of(OM));
        // the city's branches dissolve and its members leave in 2024: the other test classes share the topics, and this
        // city must not count among the members and branches they rate for their own years (EvaluationIT's 2025)
        LocalDate gone = LocalDate.of(YEAR + 1, 6, 1);
        for (String m : List.of(M1, M2, M3, B2 + "-m1", OM)) {
            send(EventCatalogue.MEMBER_LEFT, m, new MemberLeft(m, m.substring(0, m.lastIndexOf("-m")), "LEFT", gone, null));
        }
        for (String b : List.of(B1, B2, O)) {
            send(EventCatalogue.ORGANISATION_DISSOLVED, b, new OrganisationDissolved(b, gone, null));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                mongo.count(Query.query(Criteria.where("_id").in(PATHS.keySet())), "organisations") == PATHS.size()
                        && mongo.count(Query.query(Criteria.where("_id").in(M1, M2, M3, OM, B2 + "-m1").and("leftOn").exists(true)), "members") == 5
                        && mongo.count(Query.query(Criteria.where("dissolvedOn").exists(true).and("_id").in(B1, B2, O)), "organisations") == 3
                        && mongo.exists(Query.query(Criteria.where("_id").is(B1 + ":" + YEAR)), "branch_scorecards")
                        && mongo.exists(Query.query(Criteria.where("_id").is(O + ":" + YEAR)), "branch_scorecards"));

        Http.Response closed = http(ADMIN_X).post("/api/v1/evaluation/years/" + YEAR + "/close", "{}");
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().path("closedBy").asString()).isEqualTo(ADMIN_X.label() + "-" + RUN);
        // the close's own events relayed, so a snapshot of the ratings stays still unless a request changes them
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshot().entrySet().stream().filter(e -> e.getKey().contains(":"))
                .allMatch(e -> e.getValue() != null && e.getValue().getList("pendingEvents", Object.class, List.of()).isEmpty()));
        cityReady = true;
    }

    /** What a refused or rejected request must not change: the target ratings, and that 2022 is not closed. */
    private Map<String, Document> snapshot() {
        Map<String, Document> all = new LinkedHashMap<>();
        for (String id : List.of("MEMBER:" + M1, "MEMBER:" + M2, "MEMBER:" + M3, "BRANCH:" + B1)) {
            all.put(id, mongo.findById(id + ":" + YEAR, Document.class, "ratings"));
        }
        all.put("closed " + UNCLOSED, mongo.findById(UNCLOSED, Document.class, "closed_years"));
        all.put("rated " + UNCLOSED, new Document("n", mongo.count(Query.query(Criteria.where("year").is(UNCLOSED)), "ratings")));
        return all;
    }

    private List<Object> decisionsPublishedOn(String... subjects) {
        Set<String> keys = Set.of(subjects);
        return TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "evaluation.ratings", r -> keys.contains(r.key()), Duration.ofSeconds(1))
                .stream().map(CloudEvents::fromRecord).filter(e -> e.is(EventCatalogue.RATING_DECIDED)).map(e -> (Object) e.data()).toList();
    }

    private void register(String id, String parent, String kind) {
        send(EventCatalogue.ORGANISATION_REGISTERED, id, new OrganisationRegistered(id, parent, kind, "Tổ chức " + id, PATHS.get(id),
                Instant.now(), null, kind.endsWith("BRANCH") ? "RESIDENTIAL_GROUP" : null, null));
    }

    private void admit(String memberId, String branch) {
        send(EventCatalogue.MEMBER_ADMITTED, memberId, new MemberAdmitted(memberId, branch, PATHS.get(branch), "Đảng viên " + memberId,
                "card-" + memberId, "OFFICIAL", LocalDate.of(2015, 1, 1)));
    }

    private void meeting(String branch, List<String> members) {
        LocalDate heldOn = LocalDate.of(YEAR, 3, 10);
        List<MeetingRecorded.Attendee> roster = members.stream()
                .map(m -> new MeetingRecorded.Attendee(m, "Đảng viên " + m, "OFFICIAL", false, "PRESENT", null)).toList();
        send(EventCatalogue.MEETING_RECORDED, branch, new MeetingRecorded(UUID.randomUUID().toString(), branch, PATHS.get(branch),
                "REGULAR", "IN_PERSON", heldOn, null, null, heldOn.atStartOfDay().toInstant(ZoneOffset.UTC), null, roster, null,
                "BRANCH", null, YEAR + "-03", "hội trường", heldOn.plusDays(1), null));
    }

    private <T> void send(EventType<T> type, String key, T payload) {
        try {
            kafka.send(CloudEvents.toRecord(PendingEvent.of(type, key, key, payload, Instant.now()))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------------

    /** Every endpoint the application serves, as "METHOD pattern" (ANY when it takes every method). */
    private Map<String, HandlerMethod> endpoints() {
        Map<String, HandlerMethod> all = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<String> methods = e.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
            for (String pattern : e.getKey().getPatternValues()) {
                (methods.isEmpty() ? Stream.of("ANY") : methods.stream()).forEach(m -> all.put(m + " " + pattern, e.getValue()));
            }
        }
        return all;
    }

    private static boolean isService(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("org.chibo.evaluation");
    }

    private static List<String> queryParameters(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).filter(p -> p.hasParameterAnnotation(RequestParam.class))
                .map(p -> {
                    RequestParam a = p.getParameterAnnotation(RequestParam.class);
                    return !a.name().isEmpty() ? a.name() : !a.value().isEmpty() ? a.value() : p.getParameterName();
                }).toList();
    }

    /** The body with one more field, or with the field's value replaced. */
    private static String withField(String body, String field, String value) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) json.readTree(body);
        node.set(field, json.readTree(value));
        return json.writeValueAsString(node);
    }

    /** The path with {@code parameter} set to {@code value} (replacing its value if present). */
    private static String withQuery(String path, String parameter, String value) {
        String encoded = parameter + "=" + encode(value);
        if (path.matches(".*[?&]" + parameter + "=.*")) {
            return path.replaceAll("([?&])" + parameter + "=[^&]*", "$1" + java.util.regex.Matcher.quoteReplacement(encoded));
        }
        return path + (path.contains("?") ? "&" : "?") + encoded;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
