package org.chibo.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.chassis.time.BusinessDates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every endpoint of the service × every way in: no token, an expired one, another issuer's, a forged one (401); each of
 * the five roles bound to a sibling district of the objects' (403, nothing written, nothing published); the role the
 * policy permits inside the subtree (2xx). The endpoints are read from Spring's own handler mapping, so an endpoint
 * added without a row here fails {@link #everyEndpointHasARowInTheMatrix}. Then mass assignment (unknown and read-only
 * fields) and MongoDB operator payloads in every body field and as {@code [$op]} query parameters: 400, nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NDJSON = "application/x-ndjson";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "security-matrix-it");
    }

    @Autowired Environment env;
    @Autowired MongoTemplate mongo;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // ---------------------------------------------------------------- the fixture: a city with two districts

    /**
     * The objects every row acts on, all in district {@code inside} of a test city; the outsiders are bound to its
     * sibling district {@code outside}, which has a branch and a member of its own.
     */
    final class Fixture {
        final TestCity city = TestCity.create(base());
        final String inside = city.district();
        final String outside = city.unit(unit("Quận ủy bên cạnh", "DIRECT_COMMITTEE", city.id()));
        final String branch = city.unit(unit("Chi bộ trong phạm vi", "GRASSROOTS_BRANCH", inside));
        final String branch2 = city.unit(unit("Chi bộ thứ hai", "GRASSROOTS_BRANCH", inside));
        final String cell = city.unit(unit("Tổ đảng số 1", "CELL", branch));
        final String member = admit(branch, "OFFICIAL", "2015-03-02");
        final String outsideBranch = city.unit(unit("Chi bộ ngoài phạm vi", "GRASSROOTS_BRANCH", outside));
        final String outsideMember = admit(outsideBranch, "OFFICIAL", "2015-03-02");
        final LocalDate today = LocalDate.now(BusinessDates.ZONE);
        final String thisMonth = YearMonth.from(today).toString();

        /** A new official member of the branch, for a command that changes them for good. */
        String freshMember() {
            return admit(branch, "OFFICIAL", "2015-03-02");
        }

        String freshCell() {
            return city.unit(unit("Tổ đảng " + shortId(), "CELL", branch));
        }

        String freshBranch() {
            return city.unit(unit("Chi bộ " + shortId(), "GRASSROOTS_BRANCH", inside));
        }

        String admit(String branchId, String status, String admittedOn) {
            Http.Response r = city.admin().post("/api/v1/members", Http.json(Map.of("branchId", branchId, "fullName", "Đảng viên " + shortId(),
                    "cardNumber", "HP-" + shortId(), "status", status, "admittedOn", admittedOn)));
            assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
            return r.text("id");
        }

        void ok(Http.Response r) {
            assertThat(r.status()).as(r.body().toString()).isBetween(200, 299);
        }

        /** A token for {@code role} bound where the role lives: admin at the city, staff and inspector at the district, the rest at the branch. */
        String insider(Role role) {
            return switch (role) {
                case CITY_ADMIN -> TestTokens.issue("admin@" + city.id(), city.id(), role);
                case COMMITTEE_STAFF, INSPECTOR -> TestTokens.issue(role + "@" + inside, inside, role);
                case BRANCH_SECRETARY -> TestTokens.issue("secretary@" + branch, branch, role);
                case MEMBER -> TestTokens.as("member@" + member).in(branch).roles(role).member(member).sign();
            };
        }

        /** The same role bound to the sibling district (a member: to their own branch there, with their own record). */
        String outsider(Role role) {
            return role == Role.MEMBER
                    ? TestTokens.as("member@" + outsideMember).in(outsideBranch).roles(role).member(outsideMember).sign()
                    : TestTokens.issue(role + "@" + outside, outside, role);
        }

        /** Every id in the inside district's subtree that a refused call might have touched. */
        Set<String> insideIds() {
            Set<String> ids = new HashSet<>();
            for (Document d : mongo.findAll(Document.class, "organisations")) {
                if (d.getString("path").contains("/" + inside + "/")) {
                    ids.add(d.getString("_id"));
                }
            }
            for (Document d : mongo.findAll(Document.class, "members")) {
                if (d.getString("organisationPath").contains("/" + inside + "/")) {
                    ids.add(d.getString("_id"));
                }
            }
            return ids;
        }
    }

    // ---------------------------------------------------------------- the matrix

    record Call(String method, String path, String contentType, String body) {
    }

    /** What an outsider gets from a listing endpoint its role may use: its own subtree's part, nothing of ours. */
    enum Outside { DENIED, FILTERED }

    /**
     * One endpoint: who may call it (the policy), the role whose positive control is shown, whether an outsider with
     * a permitted role is refused or gets only their own subtree, and the call (a valid one, so a refusal can only be
     * about who calls).
     */
    record Row(String endpoint, Set<Role> permitted, Role shown, Outside outside, Function<Fixture, Call> call) {
    }

    private static final Set<Role> ANY = EnumSet.allOf(Role.class);
    private static final Set<Role> STAFF = EnumSet.of(Role.CITY_ADMIN, Role.COMMITTEE_STAFF);
    private static final Set<Role> READERS = EnumSet.of(Role.CITY_ADMIN, Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY, Role.INSPECTOR);
    /** A member's personal record: the readers, and the member themselves (their own record only). */
    private static final Set<Role> OWN = EnumSet.of(Role.CITY_ADMIN, Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY, Role.INSPECTOR, Role.MEMBER);
    private static final Set<Role> DUES = EnumSet.of(Role.CITY_ADMIN, Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY);
    private static final Set<Role> ADMIN = EnumSet.of(Role.CITY_ADMIN);

    private static Call get(String path) {
        return new Call("GET", path, null, null);
    }

    private static Call json(String method, String path, String body) {
        return new Call(method, path, "application/json", body);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String o = "/api/v1/organisations";
        String m = "/api/v1/members";
        rows.add(new Row("POST " + o, STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", o, unit("Tổ đảng " + shortId(), "CELL", f.branch))));
        rows.add(new Row("GET " + o + "/{id}", ANY, Role.MEMBER, Outside.DENIED, f -> get(o + "/" + f.branch)));
        rows.add(new Row("GET " + o, ANY, Role.MEMBER, Outside.DENIED, f -> get(o + "?code=" + f.branch)));
        rows.add(new Row("GET " + o + "/{id}/counts", ANY, Role.MEMBER, Outside.DENIED, f -> get(o + "/" + f.branch + "/counts")));
        rows.add(new Row("GET " + o + "/{id}/roster", READERS, Role.INSPECTOR, Outside.DENIED, f -> get(o + "/" + f.branch + "/roster")));
        rows.add(new Row("POST " + o + "/{id}/rename", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", o + "/" + f.branch2 + "/rename", "{\"name\":\"Chi bộ " + shortId() + "\"}")));
        rows.add(new Row("POST " + o + "/{id}/move", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", o + "/" + f.freshCell() + "/move", "{\"parentId\":\"" + f.branch2 + "\"}")));
        rows.add(new Row("POST " + o + "/{id}/dissolution", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", o + "/" + f.freshCell() + "/dissolution", "{\"dissolvedOn\":\"" + f.today + "\",\"decisionRef\":\"9-QĐ/TU\"}")));
        rows.add(new Row("POST " + o + "/{id}/merger", STAFF, Role.CITY_ADMIN, Outside.DENIED,
                f -> json("POST", o + "/" + f.freshBranch() + "/merger", "{\"intoId\":\"" + f.branch2 + "\",\"mergedOn\":\"" + f.today + "\"}")));
        rows.add(new Row("PUT " + o + "/{id}/committee", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("PUT", o + "/" + f.branch + "/committee", "{\"secretaryId\":\"" + f.member + "\",\"deputyIds\":[],\"memberIds\":[]}")));
        rows.add(new Row("PUT " + o + "/{id}/online-eligibility", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("PUT", o + "/" + f.branch + "/online-eligibility", "{\"eligible\":true,\"reason\":\"thuyền viên\",\"from\":\"" + f.today + "\"}")));
        rows.add(new Row("POST " + m, STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", m, Http.json(Map.of("branchId", f.branch, "fullName", "Hà Văn Mới", "cardNumber", "HP-" + shortId(),
                        "status", "OFFICIAL", "admittedOn", "2015-03-02")))));
        rows.add(new Row("GET " + m + "/{id}", OWN, Role.MEMBER, Outside.DENIED, f -> get(m + "/" + f.member)));
        rows.add(new Row("GET " + m, READERS, Role.BRANCH_SECRETARY, Outside.DENIED, f -> get(m + "?branchId=" + f.branch)));
        rows.add(new Row("GET " + m + "/{id}/history", OWN, Role.MEMBER, Outside.DENIED, f -> get(m + "/" + f.member + "/history")));
        rows.add(new Row("POST " + m + "/{id}/recognition", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", m + "/" + f.admit(f.branch, "PROBATIONARY", f.today.minusMonths(13).toString()) + "/recognition",
                        "{\"recognisedOn\":\"" + f.today + "\",\"decisionRef\":\"45-QĐ/ĐU\"}")));
        rows.add(new Row("POST " + m + "/{id}/exemption", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", m + "/" + f.freshMember() + "/exemption", "{\"reason\":\"sức khỏe yếu\",\"from\":\"" + f.today + "\"}")));
        rows.add(new Row("POST " + m + "/{id}/transfer", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", m + "/" + f.freshMember() + "/transfer", "{\"kind\":\"OFFICIAL\",\"toBranchId\":\"" + f.branch2
                        + "\",\"issuedOn\":\"" + f.today + "\"}")));
        rows.add(new Row("POST " + m + "/{id}/reception", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED, f -> {
            String moving = f.freshMember();
            f.ok(f.city.admin().post(m + "/" + moving + "/transfer", "{\"kind\":\"OFFICIAL\",\"toBranchId\":\"" + f.branch2
                    + "\",\"issuedOn\":\"" + f.today + "\"}"));
            return json("POST", m + "/" + moving + "/reception", "{\"branchId\":\"" + f.branch2 + "\",\"receivedOn\":\"" + f.today + "\"}");
        }));
        rows.add(new Row("PUT " + m + "/{id}/cell", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("PUT", m + "/" + f.freshMember() + "/cell", "{\"cellId\":\"" + f.cell + "\"}")));
        rows.add(new Row("POST " + m + "/{id}/discipline", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", m + "/" + f.freshMember() + "/discipline", "{\"form\":\"WARNING\",\"decidedOn\":\"" + f.today
                        + "\",\"decisionRef\":\"7-QĐ/UBKT\",\"reason\":\"vi phạm quy chế\"}")));
        rows.add(new Row("POST " + m + "/{id}/departure", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("POST", m + "/" + f.freshMember() + "/departure", "{\"reason\":\"LEFT\",\"on\":\"" + f.today + "\"}")));
        rows.add(new Row("GET " + m + "/{id}/profile", OWN, Role.BRANCH_SECRETARY, Outside.DENIED, f -> get(m + "/" + f.member + "/profile")));
        rows.add(new Row("PUT " + m + "/{id}/profile", STAFF, Role.COMMITTEE_STAFF, Outside.DENIED,
                f -> json("PUT", m + "/" + f.freshMember() + "/profile", "{\"identity\":{\"ethnicity\":\"Kinh\",\"phone\":\"0912345678\"}}")));
        rows.add(new Row("PUT " + m + "/{id}/dues-basis", DUES, Role.BRANCH_SECRETARY, Outside.DENIED,
                f -> json("PUT", m + "/" + f.freshMember() + "/dues-basis", "{\"category\":\"NO_SALARY\",\"from\":\"" + f.thisMonth + "\"}")));
        rows.add(new Row("POST " + m + "/{id}/dues-payments", DUES, Role.BRANCH_SECRETARY, Outside.DENIED, f -> {
            String payer = f.freshMember();
            f.ok(f.city.admin().put(m + "/" + payer + "/dues-basis", "{\"category\":\"NO_SALARY\",\"from\":\"" + f.thisMonth + "\"}"));
            return json("POST", m + "/" + payer + "/dues-payments", "{\"month\":\"" + f.thisMonth + "\",\"amount\":5000,\"paidOn\":\"" + f.today + "\"}");
        }));
        rows.add(new Row("POST " + o + "/{id}/dues-sheets", DUES, Role.BRANCH_SECRETARY, Outside.DENIED,
                f -> json("POST", o + "/" + f.branch + "/dues-sheets", "{\"month\":\"" + f.thisMonth + "\",\"rows\":[{\"memberId\":\""
                        + f.freshMember() + "\",\"category\":\"NO_SALARY\",\"amount\":5000,\"paidOn\":\"" + f.today + "\"}]}")));
        rows.add(new Row("GET " + m + "/{id}/dues", OWN, Role.MEMBER, Outside.DENIED, f -> get(m + "/" + f.member + "/dues?year=" + f.today.getYear())));
        rows.add(new Row("GET /api/v1/dues/arrears", READERS, Role.BRANCH_SECRETARY, Outside.DENIED,
                f -> get("/api/v1/dues/arrears?branchId=" + f.branch + "&year=" + f.today.getYear())));
        rows.add(new Row("POST /api/v1/admin/recognition-due/run", ADMIN, Role.CITY_ADMIN, Outside.FILTERED, f -> {
            f.admit(f.branch, "PROBATIONARY", f.today.minusMonths(13).toString()); // one due in our subtree
            return json("POST", "/api/v1/admin/recognition-due/run", "");
        }));
        rows.add(new Row("POST /api/v1/imports", ADMIN, Role.CITY_ADMIN, Outside.DENIED, f -> new Call("POST", "/api/v1/imports", NDJSON,
                "{\"record\":\"member\",\"cardNumber\":\"HP-" + shortId() + "\",\"fullName\":\"Lê Văn Nhập\",\"branchCode\":\"" + f.branch
                        + "\",\"status\":\"OFFICIAL\",\"admittedOn\":\"2015-03-02\"}")));
        rows.add(new Row("GET /api/v1/exports", STAFF, Role.COMMITTEE_STAFF, Outside.FILTERED, f -> get("/api/v1/exports")));
        rows.add(new Row("GET /api/v1/audit", ADMIN, Role.CITY_ADMIN, Outside.FILTERED, f -> get("/api/v1/audit?memberId=" + f.member)));
        return rows;
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void everyEndpointHasARowInTheMatrix() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/v3/api-docs") || pattern.equals("/error")) {
                    continue; // public by design, tested below
                }
                info.getMethodsCondition().getMethods().forEach(method -> served.add(method + " " + pattern));
            }
        });
        Set<String> inMatrix = new TreeSet<>(rows().stream().map(Row::endpoint).toList());
        assertThat(served).as("every endpoint needs a row in the security matrix, and every row an endpoint").isEqualTo(inMatrix);
    }

    @Test
    void withoutAValidTokenEveryEndpointIsA401Problem() {
        Fixture f = new Fixture();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("none", null);
        bad.put("expired", TestTokens.as("admin").in(f.city.id()).roles(Role.CITY_ADMIN).expiresAt(Instant.now().minus(Duration.ofHours(2))).sign());
        bad.put("another issuer", TestTokens.as("admin").in(f.city.id()).roles(Role.CITY_ADMIN).issuedBy("https://evil.example").sign());
        bad.put("forged", TestTokens.as("admin").in(f.city.id()).roles(Role.CITY_ADMIN).forged().sign());
        for (Row row : rows()) {
            Call call = row.call().apply(f);
            bad.forEach((what, token) -> {
                Response r = send(call, token);
                assertThat(r.status()).as(row.endpoint() + " with " + what + " token: " + r.body()).isEqualTo(401);
                assertThat(r.contentType()).as(row.endpoint()).startsWith("application/problem+json");
            });
        }
    }

    @Test
    void everyRoleBoundOutsideTheObjectsSubtreeIsRefusedAndNothingIsWrittenOrPublished() {
        Fixture f = new Fixture();
        for (Row row : rows()) {
            for (Role role : Role.values()) {
                Call call = row.call().apply(f);
                List<Document> before = store(f);
                Response r = send(call, f.outsider(role));
                String what = row.endpoint() + " as " + role + " of the sibling district: " + r.body();
                if (row.outside() == Outside.FILTERED && row.permitted().contains(role)) {
                    assertThat(r.status()).as(what).isEqualTo(200);
                    assertThat(r.raw()).as(what).doesNotContain(f.inside).doesNotContain(f.branch).doesNotContain(f.member);
                } else {
                    assertThat(r.status()).as(what).isIn(403, 404);
                    assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                }
                assertThat(store(f)).as("nothing written by " + what).isEqualTo(before);
            }
        }
        // and nothing published about any of our objects but their own registration, admission and the setup's commands
        Set<String> ours = f.insideIds();
        List<String> types = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events", r -> ours.contains(r.key()),
                Duration.ofSeconds(2)).stream().map(r -> CloudEvents.fromRecord(r).type().type()).distinct().toList();
        assertThat(types).isSubsetOf("chibo.membership.organisation-registered.v1", "chibo.membership.member-admitted.v1",
                "chibo.membership.member-transferred-out.v1"); // the reception row's setup issues papers as the admin
    }

    @Test
    void thePermittedRoleInsideTheSubtreeSucceeds() {
        Fixture f = new Fixture();
        for (Row row : rows()) {
            assertThat(row.permitted()).contains(row.shown());
            Response r = send(row.call().apply(f), f.insider(row.shown()));
            assertThat(r.status()).as(row.endpoint() + " as " + row.shown() + ": " + r.body()).isBetween(200, 299);
        }
        // and a role the policy does not name is refused inside the subtree too: the role matters, not only the place
        for (Row row : rows()) {
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(row.permitted()))) {
                Response r = send(row.call().apply(f), f.insider(role));
                assertThat(r.status()).as(row.endpoint() + " as " + role + " inside: " + r.body()).isEqualTo(403);
            }
        }
    }

    @Test
    void aMemberReadsTheirOwnRecordOnlyAndAnUnfilteredSearchStaysInTheSubtree() {
        Fixture f = new Fixture();
        String other = f.freshMember();
        String memberToken = f.insider(Role.MEMBER);
        for (String path : List.of("", "/history", "/profile", "/dues?year=" + f.today.getYear())) {
            assertThat(send(get("/api/v1/members/" + f.member + path), memberToken).status()).as(path).isEqualTo(200);
            assertThat(send(get("/api/v1/members/" + other + path), memberToken).status()).as(path).isEqualTo(403);
        }
        assertThat(send(get("/api/v1/members?branchId=" + f.branch), memberToken).status()).isEqualTo(403);

        Response mine = send(get("/api/v1/members?size=200"), f.outsider(Role.BRANCH_SECRETARY));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("items").findValuesAsString("id")).containsExactly(f.outsideMember);
        Response city = send(get("/api/v1/members?size=200"), f.insider(Role.CITY_ADMIN));
        assertThat(city.body().path("items").findValuesAsString("id")).contains(f.member, other, f.outsideMember);
    }

    /** Read-only and unknown fields in a body are refused, naming the field; nothing is written. */
    @Test
    void massAssignmentOfReadOnlyOrUnknownFieldsIsA400NamingTheField() {
        Fixture f = new Fixture();
        List<String> readOnly = List.of("id", "status", "cardNumber", "version", "history", "pendingEvents", "createdAt", "registeredAt",
                "organisationPath", "path", "branchId", "departure", "duesPayments", "rolls", "profile", "isAdmin", "roles");
        String admin = f.insider(Role.CITY_ADMIN);
        for (Row row : rows()) {
            Call call = row.call().apply(f);
            if (!"application/json".equals(call.contentType()) || call.body().isEmpty()) {
                continue;
            }
            ObjectNode valid = (ObjectNode) JSON.readTree(call.body());
            List<Document> before = store(f);
            for (String field : readOnly) {
                if (valid.has(field)) {
                    continue; // a field this request may set (e.g. an admission's status and card number)
                }
                ObjectNode body = valid.deepCopy();
                body.put(field, field.equals("version") ? "0" : "x");
                Response r = send(new Call(call.method(), call.path(), call.contentType(), body.toString()), admin);
                assertThat(r.status()).as(row.endpoint() + " with " + field + ": " + r.body()).isEqualTo(400);
                assertThat(r.body().path("errors").findValuesAsString("field")).as(row.endpoint()).contains(field);
            }
            assertThat(store(f)).as("nothing written by " + row.endpoint()).isEqualTo(before);
        }
    }

    @Test
    void mongoOperatorsInAnyBodyFieldOrQueryParameterAreA400AndMatchNothing() {
        Fixture f = new Fixture();
        String admin = f.insider(Role.CITY_ADMIN);
        for (Row row : rows()) {
            Call call = row.call().apply(f);
            List<Document> before = store(f);
            if ("application/json".equals(call.contentType()) && !call.body().isEmpty()) {
                ObjectNode valid = (ObjectNode) JSON.readTree(call.body());
                for (String path : fieldPaths(valid, "")) {
                    for (String operator : List.of("{\"$gt\":\"\"}", "{\"$ne\":null}")) {
                        ObjectNode body = valid.deepCopy();
                        replace(body, path, JSON.readTree(operator));
                        Response r = send(new Call(call.method(), call.path(), call.contentType(), body.toString()), admin);
                        String what = row.endpoint() + " with " + path + "=" + operator + ": " + r.body();
                        assertThat(r.status()).as(what).isEqualTo(400);
                        assertThat(r.body().path("errors").findValuesAsString("field")).as(what).anyMatch(x -> x.startsWith(path));
                    }
                }
            }
            // the shape a query-string parser turns into an operator: an unknown parameter, refused by name
            for (String op : List.of("$gt", "$ne", "$regex")) {
                String parameter = "branchId[" + op + "]";
                String path = call.path() + (call.path().contains("?") ? "&" : "?") + URLEncoder.encode(parameter, StandardCharsets.UTF_8) + "=";
                Response r = send(new Call(call.method(), path, call.contentType(), call.body()), admin);
                assertThat(r.status()).as(row.endpoint() + " with ?" + parameter + ": " + r.body()).isEqualTo(400);
                assertThat(r.body().path("errors").findValuesAsString("field")).contains(parameter);
            }
            assertThat(store(f)).as("nothing written by " + row.endpoint()).isEqualTo(before);
        }
        // an operator as a query value is a literal: it matches nothing
        Response literal = send(get("/api/v1/members?branchId=" + URLEncoder.encode("{\"$ne\":null}", StandardCharsets.UTF_8)), admin);
        assertThat(literal.status()).isEqualTo(200);
        assertThat(literal.body().path("items").size()).isZero();
        // an import line is rejected on its own, naming the field, and writes nothing
        Response imported = send(new Call("POST", "/api/v1/imports", NDJSON, "{\"record\":\"member\",\"cardNumber\":{\"$gt\":\"\"},"
                + "\"fullName\":\"X\",\"branchCode\":\"" + f.branch + "\",\"status\":\"OFFICIAL\",\"admittedOn\":\"2015-03-02\"}"), admin);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().path("rejected").get(0).path("field").asString()).isEqualTo("cardNumber");
        assertThat(imported.body().path("created").path("members").asInt()).isZero();
    }

    @Test
    void theApiDescriptionIsPublicAndSpeaksTheDomainsTerms() {
        Response r = send(get("/v3/api-docs"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("paths").has("/api/v1/members/{id}/dues-payments")).isTrue();
        assertThat(r.raw()).contains("chi bộ").contains("đảng viên").contains("đảng phí");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Every document of the register and the audit log about the inside district's subtree, without what the outbox
     * relay moves on by itself ({@code pendingEvents}, {@code version}). A refused call that wrote anything about our
     * objects, or created anything in our subtree, changes it; an outsider's own audit entries (an export of their
     * subtree) are not ours.
     */
    private List<Document> store(Fixture f) {
        String ours = "/" + f.inside + "/";
        List<Document> all = new ArrayList<>();
        for (String[] c : List.of(new String[] {"organisations", "path"}, new String[] {"members", "organisationPath"},
                new String[] {"audit_log", "path"})) {
            for (Document d : mongo.findAll(Document.class, c[0])) {
                if (String.valueOf(d.get(c[1])).contains(ours)) {
                    d.remove("pendingEvents");
                    d.remove("version");
                    d.put("_collection", c[0]);
                    all.add(d);
                }
            }
        }
        all.sort(Comparator.comparing(d -> d.get("_collection") + "/" + d.get("_id")));
        return all;
    }

    private static List<String> fieldPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        for (String name : node.propertyNames()) {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            paths.add(path);
            if (node.get(name).isObject()) {
                paths.addAll(fieldPaths(node.get(name), path));
            }
        }
        return paths;
    }

    private static void replace(ObjectNode root, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (ObjectNode) at.get(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
    }

    private String base() {
        return "http://localhost:" + env.getProperty("local.server.port");
    }

    /** A response and its body as text too (an export is JSON Lines, not one document). */
    record Response(int status, String contentType, String raw, JsonNode body) {
    }

    private Response send(Call call, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + call.path())).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, application/x-ndjson");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (call.body() == null) {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", call.contentType()).method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (RuntimeException notOneJsonDocument) {
                body = JSON.nullNode();
            }
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unit(String name, String kind, String parentId) {
        return "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"parentId\":\"" + parentId + "\"}";
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
