package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.chassis.testing.Problems.assertProblem;
import static org.chibo.inspection.Feed.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
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

/**
 * Statistics (thống kê) and annual inspection plans (kế hoạch kiểm tra) over a small city of two districts and four
 * branches whose 2025 meetings broke rules in known ways, against the real broker and store. The calls are an
 * inspector's of the city (Ủy ban kiểm tra Thành ủy), whose subject each draw and conclusion records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.inspection.calendar.close-cron=-")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PlansAndStatisticsIT {

    private static final String GROUP = "inspection-plans-it";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, GROUP);
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    Http http;
    String city;
    String d1;
    String d2;
    String b1;
    String b2;
    String b3;
    String b4;

    /**
     * 2025: b1 had a meeting at 80 % (R-G2) and a one-hour meeting (R-G6); b3 a meeting at 60 % (R-G1 and R-G2); b2 and
     * b4 none that broke anything (nor any at all: no period is closed here, so no R-P1).
     */
    @BeforeEach
    void aSmallCityWithAKnownYear() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        city = "city-" + s;
        http = new Http("http://localhost:" + env.getProperty("local.server.port"), TestTokens.issue("inspector-1", city, Role.INSPECTOR));
        Feed feed = new Feed(kafka, GROUP);
        d1 = "d1-" + s;
        d2 = "d2-" + s;
        b1 = "b1-" + s;
        b2 = "b2-" + s;
        b3 = "b3-" + s;
        b4 = "b4-" + s;
        feed.organisation(city, null, "CITY_COMMITTEE", "/" + city + "/");
        feed.organisation(d1, city, "DIRECT_COMMITTEE", path(d1));
        feed.organisation(d2, city, "DIRECT_COMMITTEE", path(d2));
        feed.organisation(b1, d1, "GRASSROOTS_BRANCH", path(d1, b1));
        feed.organisation(b2, d1, "GRASSROOTS_BRANCH", path(d1, b2));
        feed.organisation(b3, d2, "GRASSROOTS_BRANCH", path(d2, b3));
        feed.organisation(b4, d2, "GRASSROOTS_BRANCH", path(d2, b4));
        feed.recorded(attended(b1, path(d1, b1), "2025-03-05", 8).build());
        feed.recorded(attended(b1, path(d1, b1), "2025-06-10", 10).lasted(Duration.ofMinutes(60)).build());
        feed.recorded(attended(b3, path(d2, b3), "2025-04-08", 6).build());
        feed.awaitConsumed(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/findings?organisationId=" + city).body()
                .path("items").size() == 4);
    }

    private String path(String... ids) {
        return "/" + city + "/" + String.join("/", ids) + "/";
    }

    private static Feed.Record attended(String branch, String path, String day, int present) {
        Feed.Record m = meeting(UUID.randomUUID().toString(), branch, path, LocalDate.parse(day));
        for (int i = 0; i < 10; i++) {
            m.member("m" + i + "-" + branch, "OFFICIAL", i < present ? "PRESENT" : "ABSENT_EXCUSED");
        }
        return m;
    }

    @Test
    void theYearIsCountedByRuleMonthAndDistrictAndTheBranchesWithoutFindingsAreListed() {
        String shortMeeting = findingOf(b1, "R-G6");
        assertThat(as("inspector-1").post("/api/v1/findings/" + shortMeeting + "/dismiss", "{\"reason\":\"họp bù, đã báo cáo\"}").status()).isEqualTo(200);

        Http.Response stats = http.get("/api/v1/inspection/statistics?organisationId=" + city + "&year=2025");
        assertThat(stats.status()).as(stats.body().toString()).isEqualTo(200);
        JsonNode s = stats.body();
        assertThat(s.path("findings").asInt()).isEqualTo(3);
        assertThat(s.path("dismissed").asInt()).isEqualTo(1);
        assertThat(s.path("byRule").path("R-G1").asInt()).isEqualTo(1);
        assertThat(s.path("byRule").path("R-G2").asInt()).isEqualTo(2);
        assertThat(s.path("byRule").has("R-G6")).isFalse();
        assertThat(s.path("byMonth").path("2025-03").asInt()).isEqualTo(1);
        assertThat(s.path("byMonth").path("2025-04").asInt()).isEqualTo(2);
        assertThat(s.path("byMonth").path("2025-06").asInt()).isZero();
        assertThat(s.path("bySeverity").path("HIGH").asInt()).isEqualTo(1);
        assertThat(s.path("byUnit").findValuesAsString("organisationId")).containsExactly(d1, d2);
        assertThat(s.path("byUnit").get(0).path("findings").asInt()).isEqualTo(1);
        assertThat(s.path("byUnit").get(0).path("name").asString()).isEqualTo("Đơn vị " + d1);
        assertThat(s.path("byUnit").get(1).path("findings").asInt()).isEqualTo(2);
        assertThat(s.path("branches").asInt()).isEqualTo(4);
        assertThat(s.path("branchesWithoutFindings").asInt()).isEqualTo(2);

        Http.Response clean = http.get("/api/v1/inspection/statistics/branches-without-findings?organisationId=" + city + "&year=2025");
        assertThat(clean.body().path("items").findValuesAsString("branchId")).containsExactly(b2, b4);
        assertThat(clean.body().path("total").asInt()).isEqualTo(2);
        Http.Response district = http.get("/api/v1/inspection/statistics?organisationId=" + d1 + "&year=2025");
        assertThat(district.body().path("findings").asInt()).isEqualTo(1);
        assertThat(district.body().path("byUnit").findValuesAsString("organisationId")).containsExactly(b1);
        assertThat(http.get("/api/v1/inspection/statistics?organisationId=" + city + "&year=2024").body().path("findings").asInt()).isZero();

        assertProblem(http.get("/api/v1/inspection/statistics?organisationId=" + city + "&year=1900"), 400, "year");
        assertProblem(http.get("/api/v1/inspection/statistics?organisationId=" + city), 400, "year");
        assertThat(http.get("/api/v1/inspection/statistics?organisationId=nowhere&year=2025").status()).isEqualTo(404);
        assertProblem(http.get("/api/v1/inspection/statistics/branches-without-findings?organisationId=" + city
                + "&year=2025&size=501"), 400, "size");

        // a district's staff read their district's figures, not the city's nor the other district's; members none
        Http d1Staff = http.as(TestTokens.issue("staff-d1", d1, Role.COMMITTEE_STAFF));
        assertThat(d1Staff.get("/api/v1/inspection/statistics?organisationId=" + d1 + "&year=2025").body().path("findings").asInt()).isEqualTo(1);
        assertProblem(d1Staff.get("/api/v1/inspection/statistics?organisationId=" + city + "&year=2025"), 403);
        assertProblem(d1Staff.get("/api/v1/inspection/statistics/branches-without-findings?organisationId=" + d2 + "&year=2025"), 403);
        assertProblem(http.as(TestTokens.issue("secretary", b1, Role.BRANCH_SECRETARY))
                .get("/api/v1/inspection/statistics?organisationId=" + b1 + "&year=2025"), 403);
    }

    @Test
    void aPlanTakesTheRiskiestBranchThenARandomShareAndEachInspectionIsConcludedOnce() {
        Http.Response drawn = as("ubkt-thanh-uy").post("/api/v1/inspection/plans", "{\"organisationId\":\"" + city
                + "\",\"year\":2026,\"riskCount\":1,\"randomCount\":2,\"seed\":7}");
        assertThat(drawn.status()).as(drawn.body().toString()).isEqualTo(201);
        JsonNode plan = drawn.body();
        String planId = plan.path("id").asString();
        assertThat(planId).isEqualTo(city + ":2026");
        assertThat(plan.path("riskYear").asInt()).isEqualTo(2025);
        assertThat(plan.path("drawnBy").asString()).isEqualTo("ubkt-thanh-uy");
        JsonNode inspections = plan.path("inspections");
        assertThat(inspections).hasSize(3);
        // b3: R-G1 (HIGH, 4) + R-G2 (MEDIUM, 2); b1: R-G2 + R-G6 (LOW, 1)
        assertThat(inspections.get(0).path("branchId").asString()).isEqualTo(b3);
        assertThat(inspections.get(0).path("reason").asString()).isEqualTo("RISK");
        assertThat(inspections.get(0).path("riskScore").asInt()).isEqualTo(6);
        assertThat(inspections.get(0).path("findings").asInt()).isEqualTo(2);
        List<String> random = List.of(inspections.get(1).path("branchId").asString(), inspections.get(2).path("branchId").asString());
        assertThat(random).doesNotHaveDuplicates().allMatch(List.of(b1, b2, b4)::contains);
        assertThat(inspections.get(1).path("reason").asString()).isEqualTo("RANDOM");

        assertProblem(as("x").post("/api/v1/inspection/plans", "{\"organisationId\":\"" + city + "\",\"year\":2026}"), 409, "year");
        assertThat(http.get("/api/v1/inspection/plans/" + planId).body().path("inspections")).hasSize(3);

        // the district's own plan cannot take a branch the city already plans to inspect this year
        Http districtInspector = http.as(TestTokens.issue("ubkt-d2", d2, Role.INSPECTOR));
        assertProblem(districtInspector.post("/api/v1/inspection/plans", "{\"organisationId\":\"" + city + "\",\"year\":2027}"), 403);
        Http.Response district = districtInspector.post("/api/v1/inspection/plans", "{\"organisationId\":\"" + d2
                + "\",\"year\":2026,\"riskCount\":1,\"randomCount\":5}");
        assertThat(district.status()).isEqualTo(201);
        assertThat(district.body().path("inspections").findValuesAsString("branchId")).doesNotContain(b3)
                .allMatch(b -> b.equals(b4)).doesNotContainAnyElementsOf(random);
        assertThat(http.get("/api/v1/inspection/plans?year=2026&organisationId=" + city).body().findValuesAsString("id"))
                .containsExactlyInAnyOrder(planId, d2 + ":2026");
        assertThat(district.body().path("drawnBy").asString()).isEqualTo("ubkt-d2");
        assertThat(districtInspector.get("/api/v1/inspection/plans?year=2026").body().findValuesAsString("id")).containsExactly(d2 + ":2026");
        assertProblem(districtInspector.get("/api/v1/inspection/plans/" + planId), 403);
        assertProblem(districtInspector.get("/api/v1/inspection/plans?year=2026&organisationId=" + city), 403);
        assertProblem(http.as(TestTokens.issue("ubkt-d1", d1, Role.INSPECTOR)).get("/api/v1/inspection/plans/" + d2 + ":2026"), 403);
        assertProblem(http.as(TestTokens.issue("staff", city, Role.COMMITTEE_STAFF)).get("/api/v1/inspection/plans/" + planId), 403);

        String conclusion = "/api/v1/inspection/plans/" + planId + "/inspections/" + b3 + "/conclusion";
        assertProblem(as("u").post(conclusion, "{\"outcome\":\"MAYBE\",\"conclusion\":\"x\",\"concludedOn\":\"2026-03-01\"}"), 400, "outcome");
        assertProblem(as("u").post(conclusion, "{\"outcome\":\"SHORTCOMINGS\",\"concludedOn\":\"2026-03-01\"}"), 400, "conclusion");
        assertProblem(as("u").post(conclusion, "{\"outcome\":\"SHORTCOMINGS\",\"conclusion\":\"x\",\"concludedOn\":\"2999-01-01\"}"), 422, "concludedOn");
        assertProblem(http.as(null).post(conclusion, "{\"outcome\":\"SHORTCOMINGS\",\"conclusion\":\"x\",\"concludedOn\":\"2026-03-01\"}"), 401);
        // the district's inspector covers b3 but not the city committee whose plan it is
        assertProblem(districtInspector.post(conclusion, "{\"outcome\":\"SHORTCOMINGS\",\"conclusion\":\"x\",\"concludedOn\":\"2026-03-01\"}"), 403);
        Http.Response concluded = as("ubkt-thanh-uy").post(conclusion, "{\"outcome\":\"SHORTCOMINGS\",\"conclusion\":\"Chi bộ chưa đảm bảo tỷ lệ dự họp; phải khắc phục trong quý II\",\"concludedOn\":\"2026-03-01\"}");
        assertThat(concluded.status()).as(concluded.body().toString()).isEqualTo(200);
        JsonNode recorded = concluded.body().path("inspections").get(0).path("conclusion");
        assertThat(recorded.path("outcome").asString()).isEqualTo("SHORTCOMINGS");
        assertThat(recorded.path("by").asString()).isEqualTo("ubkt-thanh-uy");
        assertProblem(as("u").post(conclusion, "{\"outcome\":\"NO_SHORTCOMINGS\",\"conclusion\":\"again\",\"concludedOn\":\"2026-03-02\"}"), 409, "branchId");
        assertThat(as("u").post("/api/v1/inspection/plans/" + planId + "/inspections/not-planned/conclusion",
                "{\"outcome\":\"NO_SHORTCOMINGS\",\"conclusion\":\"x\",\"concludedOn\":\"2026-03-02\"}").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/inspection/plans/" + planId).body().path("inspections").get(0).path("conclusion")
                .path("outcome").asString()).isEqualTo("SHORTCOMINGS");

        assertProblem(as("x").post("/api/v1/inspection/plans", "{\"organisationId\":\"" + city + "\",\"year\":2027,\"riskCount\":-1}"), 400, "riskCount");
        assertProblem(as("x").post("/api/v1/inspection/plans", "{\"organisationId\":\"" + city + "\"}"), 400, "year");
        assertProblem(as("x").post("/api/v1/inspection/plans", "{\"organisationId\":\"" + city + "\",\"year\":2027,\"extra\":1}"), 400, "extra");
        assertThat(as("x").post("/api/v1/inspection/plans", "{\"organisationId\":\"nowhere\",\"year\":2027}").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/inspection/plans/nowhere:2027").status()).isEqualTo(404);
    }

    /** The city's inspector, {@code subject} in the token. */
    private Http as(String subject) {
        return http.as(TestTokens.issue(subject, city, Role.INSPECTOR));
    }

    private String findingOf(String branch, String rule) {
        JsonNode items = http.get("/api/v1/findings?branchId=" + branch + "&ruleId=" + rule).body().path("items");
        assertThat(items).hasSize(1);
        return items.get(0).path("id").asString();
    }
}
