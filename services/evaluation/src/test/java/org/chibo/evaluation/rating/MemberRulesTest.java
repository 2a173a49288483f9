package org.chibo.evaluation.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MemberRulesTest {

    private final RuleSet<MemberYear> rules = RuleSets.member(RatingThresholds.defaults());

    private static MemberYear member(long present, long expected, int excused, List<String> unexcusedMonths,
                                     List<String> disciplines, List<String> openSerious) {
        return new MemberYear("m-1", 2025, new Turnout(present, expected), excused, unexcusedMonths.size(), unexcusedMonths,
                unexcusedMonths.stream().map(m -> "meeting-" + m).toList(), 2, disciplines, openSerious, List.of("2025-01"));
    }

    @Test
    void everyCriterionMetMakesAMemberEligibleForExcellent() {
        Assessment a = rules.assess(member(16, 16, 0, List.of(), List.of(), List.of()));

        assertThat(a.rating()).isEqualTo(Rating.EXCELLENT);
        assertThat(a.criteria()).hasSize(5).allMatch(Criterion::met);
        assertThat(a.ruleSetVersion()).isEqualTo(RuleSets.MEMBER);
    }

    @Test
    void aDisciplinaryDecisionDisqualifiesAndNamesTheDecision() {
        Assessment a = rules.assess(member(16, 16, 0, List.of(), List.of("WARNING on 2025-05-02 (12-QĐ/ĐU)"), List.of()));

        assertThat(a.rating()).isEqualTo(Rating.NOT_COMPLETED);
        assertThat(a.criteria().get(0).evidence()).isEqualTo("WARNING on 2025-05-02 (12-QĐ/ĐU)");
    }

    @Test
    void unexcusedAbsencesInThreeMonthsAreGroundForRemovalButTwoAreNot() {
        Assessment three = rules.assess(member(13, 16, 0, List.of("2025-02", "2025-05", "2025-09"), List.of(), List.of()));
        Assessment two = rules.assess(member(15, 16, 0, List.of("2025-02", "2025-05"), List.of(), List.of()));

        assertThat(three.rating()).isEqualTo(Rating.NOT_COMPLETED);
        assertThat(three.criteria().get(1).evidence())
                .startsWith("unexcused absences in 3 month(s) [2025-02, 2025-05, 2025-09] at meetings [meeting-2025-02")
                .endsWith("(threshold 3); dues not judged");
        assertThat(two.rating()).isEqualTo(Rating.GOOD);
        assertThat(two.criteria().get(4).met()).isFalse();
    }

    @Test
    void attendanceBelowTheTargetOrAnOpenSeriousFindingHoldsAMemberToCompleted() {
        Assessment low = rules.assess(member(14, 16, 2, List.of(), List.of(), List.of()));
        Assessment finding = rules.assess(member(16, 16, 0, List.of(), List.of(), List.of("R-M3:m-1:2025")));

        assertThat(low.rating()).isEqualTo(Rating.COMPLETED);
        assertThat(low.criteria().get(2).evidence()).isEqualTo("14 present of 16 expected (87.5%)");
        assertThat(finding.rating()).isEqualTo(Rating.COMPLETED);
        assertThat(finding.criteria().get(3).evidence()).isEqualTo("open: R-M3:m-1:2025");
    }

    @Test
    void excusedAbsencesKeepExcellenceOpenAtTheTarget() {
        assertThat(rules.assess(member(9, 10, 1, List.of(), List.of(), List.of())).rating()).isEqualTo(Rating.EXCELLENT);
    }

    @Test
    void aMemberOfWhomNoMeetingWasExpectedIsAtMostGood() {
        Assessment a = rules.assess(member(0, 0, 0, List.of(), List.of(), List.of()));

        assertThat(a.rating()).isEqualTo(Rating.GOOD);
        assertThat(a.criteria().get(4).evidence()).isEqualTo("no meeting expected of the member in 2025");
    }

    @Test
    void unpaidDuesCountOnlyWhereDuesAreJudged() {
        MemberYear unpaid = new MemberYear("m-1", 2025, new Turnout(16, 16), 0, 0, List.of(), List.of(), 0, List.of(),
                List.of(), List.of("2025-01", "2025-02", "2025-03"));
        RatingThresholds judged = new RatingThresholds(0.9, 3, true, 3, 0.2, 7, java.util.Set.of("SERIOUS"));

        assertThat(rules.assess(unpaid).rating()).isEqualTo(Rating.EXCELLENT);
        Assessment a = RuleSets.member(judged).assess(unpaid);
        assertThat(a.rating()).isEqualTo(Rating.NOT_COMPLETED);
        assertThat(a.criteria().get(1).evidence()).endsWith("dues unpaid in 3 month(s) [2025-01, 2025-02, 2025-03]");
    }
}
