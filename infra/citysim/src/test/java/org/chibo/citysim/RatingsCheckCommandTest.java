package org.chibo.citysim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chibo.citysim.meetings.AnomalyShares;
import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.YearSummary;
import org.chibo.citysim.meetings.MeetingYearLoader;
import org.chibo.citysim.meetings.PlatformStub;
import org.chibo.citysim.ratings.ProposedRatings;
import org.chibo.citysim.ratings.RatingCheck;
import org.chibo.citysim.ratings.RatingOracle;
import org.chibo.citysim.ratings.Thresholds;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code citysim ratings-check} on the command line, against {@link PlatformStub}. */
class RatingsCheckCommandTest extends CommandTest {

    @Test
    void ratingsAsImpliedExitZeroAndOneMissingExitsOne() throws Exception {
        LocalDate referenceDate = LocalDate.of(2026, 1, 1);
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, referenceDate).firstBranches(30);
        try (PlatformStub stub = new PlatformStub(city)) {
            MeetingYearLoader.Options options = MeetingYearLoader.Options.defaults(stub.base())
                    .withRetries(1, Duration.ofMillis(10)).withTokens(() -> "token");
            List<JsonNode> ratings;
            try (RatingCheck check = new RatingCheck(options, System.out)) {
                ratings = ProposedRatings.of(RatingOracle.of(new MeetingYearGenerator(city, 42, 2025, referenceDate,
                        AnomalyShares.defaults()), Thresholds.defaults(),
                        check.ids(city, new MeetingYearLoader(options, System.out).findIds(city))).ratings());
            }
            stub.ratings(ratings);
            assertThat(run("ratings-check", "--branches", "30", "--base", stub.base().toString(), "--token-url",
                    stub.tokenUrl().toString())).as(out() + err()).isZero();
            assertThat(out()).contains("closed the rating year 2025").contains("the ratings equal what the ground truth implies");
            assertThat(stub.ratingYearsClosed()).singleElement().isEqualTo("2025 Bearer token-of-admin");

            List<JsonNode> one = new ArrayList<>(ratings);
            one.remove(0);
            stub.ratings(one);
            assertThat(run("ratings-check", "--branches", "30", "--base", stub.base().toString(), "--token-url",
                    stub.tokenUrl().toString(), "--no-close", "--shown", "3")).isEqualTo(1);
            assertThat(out()).contains("MISSING MEMBER").contains("the ratings do NOT equal what the ground truth implies");
            assertThat(stub.ratingYearsClosed()).hasSize(1);
        }
    }

    @Test
    void theRatingYearIsNotClosedBeforeEvaluationHasEveryRecord() throws Exception {
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, LocalDate.of(2026, 1, 1)).firstBranches(5);
        try (PlatformStub stub = new PlatformStub(city).cityScorecard(10, 0)) {
            assertThat(run("ratings-check", "--branches", "5", "--base", stub.base().toString(), "--token-url",
                    stub.tokenUrl().toString(), "--settle", "1")).isEqualTo(1);
            // the open findings expected are the truth's for these branches (more as rules join the truth)
            assertThat(out()).containsPattern("evaluation's record of HP 2025: 10 of 79 meetings, 0 of [1-9]\\d* open findings; waiting")
                    .contains("NOT closing the rating year");
            assertThat(stub.ratingYearsClosed()).isEmpty();

            stub.cityScorecard(-1, -1);  // a scorecard that does not answer is no answer yet, not a failure of the check
            assertThat(run("ratings-check", "--branches", "5", "--base", stub.base().toString(), "--token-url",
                    stub.tokenUrl().toString(), "--settle", "1")).isEqualTo(1);
            assertThat(out()).contains("the scorecard of HP did not answer").contains("NOT closing the rating year");
            assertThat(stub.ratingYearsClosed()).isEmpty();

            // the first 5 branches: 79 meetings, and as many open findings as their truth holds
            YearSummary truth = new MeetingYearGenerator(city, 42, 2025, LocalDate.of(2026, 1, 1), AnomalyShares.defaults())
                    .writeTo(java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream());
            stub.cityScorecard(79, truth.findings());
            run("ratings-check", "--branches", "5", "--base", stub.base().toString(), "--token-url", stub.tokenUrl().toString(),
                    "--settle", "1");
            assertThat(out()).contains("ready to close");
            assertThat(stub.ratingYearsClosed()).hasSize(1);
        }
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertThat(run("ratings-check", "--truth", "t.jsonl")).isEqualTo(2);
        assertThat(err()).contains("unknown option --truth for ratings-check");
        assertThat(run("ratings-check", "--year", "2026")).isEqualTo(2);
        assertThat(err()).contains("the year must be over by the reference date");
        assertThat(run("ratings-check", "--shown", "some")).isEqualTo(2);
        assertThat(err()).contains("--shown must be a whole number");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("ratings-check");
    }
}
