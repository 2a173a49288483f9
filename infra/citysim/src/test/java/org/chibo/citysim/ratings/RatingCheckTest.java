package org.chibo.citysim.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.chibo.citysim.CityProfile;
import org.chibo.citysim.meetings.AnomalyShares;
import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.MeetingYearLoader;
import org.chibo.citysim.meetings.PlatformIds;
import org.chibo.citysim.meetings.PlatformStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The check of a platform's ratings against the oracle, against {@link PlatformStub} serving the ratings the oracle
 * implies (more than a page of members) and then the same with one thing spoiled: each spoiling must fail the check
 * and be named.
 */
class RatingCheckTest {

    static final int BRANCHES = 80;   // the devstack test's: R-M1 and R-M3 four times
    static MeetingYearGenerator year;
    static List<ExpectedRating> implied;
    static PlatformStub stub;
    static PlatformIds found;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void generate() throws Exception {
        LocalDate referenceDate = LocalDate.of(2026, 1, 1);
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, referenceDate).firstBranches(BRANCHES);
        year = new MeetingYearGenerator(city, 42, 2025, referenceDate, AnomalyShares.defaults());
        stub = new PlatformStub(city);
        found = new MeetingYearLoader(options(), System.out).findIds(city);
        try (RatingCheck check = new RatingCheck(options(), System.out)) {
            implied = RatingOracle.of(year, Thresholds.defaults(), check.ids(city, found)).ratings();
        }
    }

    @Test
    void ratingsAsImpliedPassAfterTheCloseAndTheFigureAreSound() throws Exception {
        stub.ratings(ProposedRatings.of(implied));
        RatingCheck.Outcome outcome = run(true);
        System.out.print(printed());

        assertThat(outcome.ok()).as(printed()).isTrue();
        assertThat(outcome.closed().ok()).isTrue();
        assertThat(stub.ratingYearsClosed()).last().isEqualTo("2025 Bearer " + TOKEN);
        RatingCheckReport report = outcome.report();
        assertThat(report.expected().get("MEMBER")).isGreaterThan(RatingCheck.PAGE).isEqualTo(report.platform().get("MEMBER"));
        assertThat(report.expected().get("BRANCH")).isEqualTo(BRANCHES);
        assertThat(report.equal()).isEqualTo(implied.size());
        assertThat(printed()).contains("closed the rating year 2025").contains("the ratings equal what the ground truth implies");
        // the year as generated holds every case: each level, capped units, ground for removal, serious findings, late
        // and missed periods, members rated in their branches and branches in their committees (ids, not codes)
        assertThat(implied.stream().map(ExpectedRating::rating).distinct()).containsExactlyInAnyOrder(Level.values());
        assertThat(implied).anyMatch(unmet("no ground for removal (R-M3)")).anyMatch(unmet("no open serious finding"))
                .anyMatch(unmet("every monthly regular meeting held and recorded on time"))
                .anyMatch(unmet("every quarterly thematic meeting held and recorded on time"))
                .anyMatch(r -> r.criteria().stream().anyMatch(c -> c.name().startsWith("within the EXCELLENT cap") && !c.met()));
        assertThat(implied).allMatch(r -> r.subjectId().startsWith(r.subjectType() == ExpectedRating.SubjectType.MEMBER
                ? "member-" : "unit-HP.")).allMatch(r -> r.unitId().startsWith("unit-HP."));
    }

    @Test
    void aWrongRatingFails() throws Exception {
        ExpectedRating good = implied.stream().filter(r -> r.rating() == Level.GOOD).findFirst().orElseThrow();
        RatingCheckReport report = runWith(good, r -> ProposedRatings.with(r, "finalRating", "COMPLETED"));

        assertThat(report.of(RatingCheckReport.Kind.RATING)).singleElement()
                .satisfies(d -> assertThat(d.toString()).contains(good.label()).contains("implied GOOD, rated COMPLETED"));
        assertThat(printed()).contains("the ratings do NOT equal what the ground truth implies");
    }

    @Test
    void aMissingRatingFailsAndSoDoesAnExtraOne() throws Exception {
        ExpectedRating gone = implied.get(7);
        List<JsonNode> served = new ArrayList<>(ProposedRatings.of(implied));
        served.remove(7);
        served.add(ProposedRatings.with(served.getFirst(), "subjectId", "member-nobody"));
        stub.ratings(served);
        RatingCheckReport report = run(false).report();

        assertThat(report.of(RatingCheckReport.Kind.MISSING)).singleElement()
                .satisfies(d -> assertThat(d.subject()).contains(gone.label()));
        assertThat(report.of(RatingCheckReport.Kind.EXTRA)).singleElement()
                .satisfies(d -> assertThat(d.subject()).isEqualTo("MEMBER member-nobody"));
        assertThat(report.exact()).isFalse();
    }

    @Test
    void aCapBreachFailsCountedFromThePlatformsAnswer() throws Exception {
        ExpectedRating capped = implied.stream().filter(r -> r.rating() == Level.GOOD && r.criteria().stream()
                .anyMatch(c -> c.name().startsWith("within the EXCELLENT cap") && !c.met())).findFirst().orElseThrow();
        RatingCheckReport report = runWith(capped, r -> ProposedRatings.with(r, "finalRating", "EXCELLENT"));

        assertThat(report.of(RatingCheckReport.Kind.CAP)).singleElement().satisfies(d -> assertThat(d.toString())
                .contains(capped.subjectType() + " unit " + capped.unitId()).contains("EXCELLENT of"));
        assertThat(report.of(RatingCheckReport.Kind.RATING)).hasSize(1);
    }

    @Test
    void evidenceBlankOrNotNamingTheOraclesFails() throws Exception {
        ExpectedRating removed = implied.stream().filter(unmet("no ground for removal (R-M3)")).findFirst().orElseThrow();
        String months = removed.criteria().get(1).names().getFirst();
        RatingCheckReport report = runWith(removed, r -> ProposedRatings.withEvidence(r, "no ground for removal (R-M3)",
                "unexcused absences in 3 month(s)"));
        assertThat(report.of(RatingCheckReport.Kind.EVIDENCE)).singleElement()
                .satisfies(d -> assertThat(d.toString()).contains(removed.label()).contains("does not name [" + months));

        ExpectedRating any = implied.get(3);
        report = runWith(any, r -> ProposedRatings.withEvidence(r, "not disciplined in the year", " "));
        assertThat(report.of(RatingCheckReport.Kind.EVIDENCE)).singleElement()
                .satisfies(d -> assertThat(d.toString()).contains("does not name anything"));
    }

    @Test
    void anotherRatingUnitOrACriterionJudgedOtherwiseFails() throws Exception {
        ExpectedRating branch = implied.stream().filter(r -> r.subjectType() == ExpectedRating.SubjectType.BRANCH).findFirst()
                .orElseThrow();
        RatingCheckReport report = runWith(branch, r -> ProposedRatings.with(r, "ratingUnitId", "unit-HP.D01"));
        assertThat(report.of(RatingCheckReport.Kind.UNIT)).hasSize(1);

        stub.ratings(ProposedRatings.of(implied).stream().map(r -> r.path("subjectId").asString().equals(branch.subjectId())
                ? flipFirstCriterion(r) : r).toList());
        assertThat(run(false).report().of(RatingCheckReport.Kind.CRITERION)).hasSize(1);
    }

    private static JsonNode flipFirstCriterion(JsonNode r) {
        JsonNode copy = r.deepCopy();
        tools.jackson.databind.node.ObjectNode first = (tools.jackson.databind.node.ObjectNode) copy.path("criteria").get(0);
        first.put("met", !first.path("met").asBoolean());
        return copy;
    }

    private RatingCheckReport runWith(ExpectedRating target, java.util.function.UnaryOperator<JsonNode> spoil) throws Exception {
        stub.ratings(ProposedRatings.of(implied).stream()
                .map(r -> r.path("subjectId").asString().equals(target.subjectId()) ? spoil.apply(r) : r).toList());
        RatingCheck.Outcome outcome = run(false);
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.report().equal()).isEqualTo(implied.size() - 1);
        return outcome.report();
    }

    private RatingCheck.Outcome run(boolean close) throws Exception {
        try (RatingCheck check = new RatingCheck(options(), out)) {
            return check.run(year, found, close, Thresholds.defaults(), 5);
        }
    }

    private static Predicate<ExpectedRating> unmet(String name) {
        return r -> r.criteria().stream().anyMatch(c -> c.name().equals(name) && !c.met());
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static final String TOKEN = "a-token-of-the-city-admin";

    private static MeetingYearLoader.Options options() {
        return MeetingYearLoader.Options.defaults(stub.base()).withRetries(1, Duration.ofMillis(10)).withTokens(() -> TOKEN);
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        stub.close();
    }
}
