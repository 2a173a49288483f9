package org.chibo.evaluation.scorecard;

import java.util.List;

import org.chibo.evaluation.rating.Criterion;
import org.chibo.evaluation.rating.Rating;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Xếp loại chất lượng: a branch's scorecard for a year and its provisional rating, with the why. */
@RestController
@RequestMapping("/api/v1/scorecards")
@Validated
class ScorecardController {

    private final Scorecards scorecards;

    ScorecardController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    record ScorecardView(String branchId, int year, String organisationPath, int meetingsRecorded, int present,
                         int expected, double attendanceRate, int openFindings, Rating provisionalRating,
                         List<Criterion> criteria, String ruleSetVersion) {
        static ScorecardView of(BranchScorecard c) {
            return new ScorecardView(c.getBranchId(), c.getYear(), c.getOrganisationPath(), c.getMeetingsRecorded(),
                    c.getPresent(), c.getExpected(), c.getExpected() == 0 ? 1.0 : (double) c.getPresent() / c.getExpected(),
                    c.getOpenFindings(), c.getProvisionalRating(), c.getCriteria(), c.getRuleSetVersion());
        }
    }

    @GetMapping("/{branchId}")
    ScorecardView get(@PathVariable String branchId, @RequestParam @Min(2000) @Max(2100) int year) {
        return ScorecardView.of(scorecards.get(branchId, year));
    }
}
