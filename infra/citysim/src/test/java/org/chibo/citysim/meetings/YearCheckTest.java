package org.chibo.citysim.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chibo.citysim.CityProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The check of a platform's findings against the ground truth, against {@link PlatformStub}. */
class YearCheckTest {

    /** Enough branches for every rule the truth holds, and more findings than one page (200). */
    static final int BRANCHES = 200;
    static CityRolls city;
    static List<Finding> truth;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void generate() {
        city = CityRolls.generate(CityProfile.bundled(), 42, LocalDate.of(2026, 1, 1)).firstBranches(BRANCHES);
        truth = RaisedFindings.truthOfFirstBranches(BRANCHES);
    }

    @Test
    void theTruthReadBackIsTheTruthWritten() {
        assertThat(truth).hasSizeGreaterThan(YearCheck.PAGE);
        assertThat(truth.stream().map(Finding::rule).distinct())
                .containsExactlyInAnyOrder("R-P1", "R-P2", "R-G1", "R-G2", "R-G3", "R-G5", "R-G6", "R-G7", "R-G8", "R-M1", "R-M2", "R-M3");
        truth.forEach(t -> assertThat(Finding.parse(t.toJson())).isEqualTo(t));
    }

    @Test
    void theYearsMonthsAndQuartersAreClosedInOrderByCitysim() throws Exception {
        try (PlatformStub stub = new PlatformStub(city); YearCheck check = new YearCheck(options(stub), out)) {
            List<YearCheck.Closed> closed = check.closeYear(2025);

            assertThat(closed).extracting(YearCheck.Closed::period).containsExactly("2025-01", "2025-02", "2025-03", "2025-Q1",
                    "2025-04", "2025-05", "2025-06", "2025-Q2", "2025-07", "2025-08", "2025-09", "2025-Q3", "2025-10",
                    "2025-11", "2025-12", "2025-Q4");
            assertThat(closed).allMatch(YearCheck.Closed::ok).noneMatch(YearCheck.Closed::alreadyClosed);
            // every close with the administrator's token: the token's subject is who the platform records
            assertThat(stub.closedBy().values()).hasSize(16).containsOnly("Bearer " + ADMIN_TOKEN);
            assertThat(check.closeYear(2025)).allMatch(YearCheck.Closed::alreadyClosed);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("closed 2025-Q4: 200 branches checked, 0 findings raised")
                    .contains("(closed before)");
        }
    }

    @Test
    void findingsRaisedExactlyAsTheTruthSaysMatchItRuleByRule() throws Exception {
        try (PlatformStub stub = new PlatformStub(city).findings(RaisedFindings.of(truth));
             YearCheck check = new YearCheck(options(stub), out)) {
            YearCheckReport report = check.compare("HP", ids(stub), truth);

            assertThat(report.exact()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(report.matched()).isEqualTo(truth.stream().collect(Collectors.groupingBy(Finding::rule, Collectors.summingInt(f -> 1))));
            assertThat(report.findingIds()).hasSize(truth.size());
            assertThat(report.statuses()).isEqualTo(Map.of("OPEN", truth.size()));
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("the findings equal the ground truth: nothing missed, nothing extra");
        }
    }

    @Test
    void aFindingMissingOneExtraAndOneWithOtherFiguresAreNamed() throws Exception {
        List<JsonNode> raised = new ArrayList<>(RaisedFindings.of(truth));
        JsonNode late = first(raised, "R-G7");
        raised.remove(late);
        ObjectNode attendance = (ObjectNode) first(raised, "R-G2");
        ((ObjectNode) attendance.path("evidence")).put("present", attendance.path("evidence").path("present").asInt() + 1);
        ObjectNode twice = (ObjectNode) first(raised, "R-P1").deepCopy();
        twice.put("id", twice.path("id").asString() + "-again");
        raised.add(twice);
        ObjectNode stranger = (ObjectNode) first(raised, "R-M3").deepCopy();
        stranger.put("id", "R-M3:member-nobody:2025").set("memberIds", PlatformStub.JSON.valueToTree(List.of("member-nobody")));
        raised.add(stranger);

        try (PlatformStub stub = new PlatformStub(city).findings(raised); YearCheck check = new YearCheck(options(stub), out)) {
            YearCheckReport report = check.compare("HP", ids(stub), truth);

            assertThat(report.exact()).isFalse();
            assertThat(report.missing().keySet()).containsExactlyInAnyOrder("R-G2", "R-G7");
            assertThat(report.missing().get("R-G7")).singleElement().satisfies(f -> assertThat(f.source()).contains("\"rule\":\"R-G7\""));
            assertThat(report.extra().keySet()).containsExactlyInAnyOrder("R-G2", "R-P1", "R-M3");
            assertThat(report.extra().get("R-M3")).singleElement().satisfies(f -> assertThat(f.key()).endsWith(" 2025 ?member-nobody"));
            assertThat(report.extra().get("R-P1")).singleElement().satisfies(f -> assertThat(f.source()).endsWith("-again OPEN"));
            assertThat(report.matchedTotal()).isEqualTo(truth.size() - 2);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("missing R-G7 (1; the first 1):")
                    .contains("extra R-G2 (1; the first 1):").contains("the findings do NOT equal the ground truth");
        }
    }

    @Test
    void eachFigureOfAFindingCounts() throws Exception {
        for (String[] change : new String[][] {{"R-G1", "expectedOfficial"}, {"R-G3", "officialMembers"}, {"R-G6", "minutes"},
                {"R-G7", "days"}, {"R-M1", "meetingIds"}, {"R-G5", "missing"}, {"R-M1", "months"}}) {
            List<JsonNode> raised = new ArrayList<>(RaisedFindings.of(truth));
            ObjectNode evidence = (ObjectNode) first(raised, change[0]).path("evidence");
            if (evidence.path(change[1]).isArray()) {
                evidence.set(change[1], PlatformStub.JSON.valueToTree(List.of("contentItems")));
            } else {
                evidence.put(change[1], evidence.path(change[1]).asInt() + 1);
            }
            try (PlatformStub stub = new PlatformStub(city).findings(raised); YearCheck check = new YearCheck(options(stub), out)) {
                YearCheckReport report = check.compare("HP", ids(stub), truth);
                assertThat(report.missing().keySet()).as("%s changed", (Object) change).containsExactly(change[0]);
                assertThat(report.extra().keySet()).as("%s changed", (Object) change).containsExactly(change[0]);
            }
        }
    }

    private static JsonNode first(List<JsonNode> raised, String rule) {
        return raised.stream().filter(f -> f.path("ruleId").asString().equals(rule)).findFirst().orElseThrow();
    }

    private PlatformIds ids(PlatformStub stub) throws InterruptedException {
        return new MeetingYearLoader(options(stub), out).findIds(city);
    }

    private static final String ADMIN_TOKEN = "a-token-of-the-city-admin";

    private static MeetingYearLoader.Options options(PlatformStub stub) {
        return MeetingYearLoader.Options.defaults(stub.base()).withRetries(1, Duration.ofMillis(10))
                .withTokens(() -> ADMIN_TOKEN);
    }
}
