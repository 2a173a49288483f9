package org.chibo.evaluation.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chibo.evaluation.record.Periods;
import org.junit.jupiter.api.Test;

class BranchRulesTest {

    private final RuleSet<BranchYear> rules = RuleSets.branch(RatingThresholds.defaults());

    private static BranchYear branch(Set<String> heldMonths, Set<String> lateMonths, List<String> openSerious,
                                     List<String> disciplined) {
        Set<String> onTime = new HashSet<>(heldMonths);
        onTime.removeAll(lateMonths);
        onTime.addAll(Periods.quartersOf(2025, 4));
        Set<String> held = new HashSet<>(heldMonths);
        held.addAll(Periods.quartersOf(2025, 4));
        return new BranchYear("b-1", 2025, 16, new Turnout(300, 320),
                new PeriodsHeld(Periods.monthsOf(2025, 12), held, onTime),
                new PeriodsHeld(Periods.quartersOf(2025, 4), held, onTime), openSerious.size(), openSerious, disciplined);
    }

    private static Set<String> allMonthsBut(String... missing) {
        Set<String> months = new HashSet<>(Periods.monthsOf(2025, 12));
        List.of(missing).forEach(months::remove);
        return months;
    }

    @Test
    void everyMeetingOnTimeAndNothingAgainstItMakesABranchEligibleForExcellent() {
        Assessment a = rules.assess(branch(allMonthsBut(), Set.of(), List.of(), List.of()));

        assertThat(a.rating()).isEqualTo(Rating.EXCELLENT);
        assertThat(a.criteria().get(0).evidence()).isEqualTo("12 of 12 held, 12 on time");
    }

    @Test
    void aMonthWithoutARegularMeetingOrOneRecordedLateHoldsItToCompletedAndSaysWhich() {
        Assessment missing = rules.assess(branch(allMonthsBut("2025-02"), Set.of(), List.of(), List.of()));
        Assessment late = rules.assess(branch(allMonthsBut(), Set.of("2025-07"), List.of(), List.of()));

        assertThat(missing.rating()).isEqualTo(Rating.COMPLETED);
        assertThat(missing.criteria().get(0).evidence()).isEqualTo("11 of 12 held, 11 on time; missing [2025-02]");
        assertThat(late.rating()).isEqualTo(Rating.COMPLETED);
        assertThat(late.criteria().get(0).evidence()).isEqualTo("12 of 12 held, 11 on time; recorded late [2025-07]");
    }

    @Test
    void aDisciplinedMemberKeepsTheBranchFromExcellentOnly() {
        Assessment a = rules.assess(branch(allMonthsBut(), Set.of(), List.of(), List.of("m-7")));

        assertThat(a.rating()).isEqualTo(Rating.GOOD);
        assertThat(a.criteria().get(4).evidence()).isEqualTo("disciplined: m-7");
    }

    @Test
    void anOpenSeriousFindingHoldsItToCompleted() {
        assertThat(rules.assess(branch(allMonthsBut(), Set.of(), List.of("R-M3:m-7:2025"), List.of())).rating())
                .isEqualTo(Rating.COMPLETED);
    }

    @Test
    void aProvisionalRatingIsNeverExcellent() {
        Assessment ceiling = rules.assess(branch(allMonthsBut(), Set.of(), List.of(), List.of()));
        Assessment provisional = RuleSets.provisional(ceiling);

        assertThat(provisional.rating()).isEqualTo(Rating.GOOD);
        assertThat(provisional.criteria()).last().extracting(Criterion::name).isEqualTo("EXCELLENT only at year close");
        assertThat(RuleSets.provisional(rules.assess(branch(allMonthsBut("2025-01"), Set.of(), List.of(), List.of()))).rating())
                .isEqualTo(Rating.COMPLETED);
    }
}
