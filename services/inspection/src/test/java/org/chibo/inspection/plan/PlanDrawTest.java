package org.chibo.inspection.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chibo.inspection.finding.FindingStatus;
import org.chibo.inspection.rules.Severity;
import org.chibo.inspection.statistics.FindingFact;
import org.chibo.inspection.statistics.FindingTally;
import org.junit.jupiter.api.Test;

class PlanDrawTest {

    private static final Map<Severity, Integer> WEIGHTS = Map.of(Severity.LOW, 1, Severity.MEDIUM, 2, Severity.HIGH, 4,
            Severity.SERIOUS, 8);

    private static List<FindingTally.Branch> branches(int n) {
        List<FindingTally.Branch> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(new FindingTally.Branch(String.format("b%02d", i), String.format("/hp/b%02d/", i)));
        }
        return all;
    }

    private static FindingFact fact(String branch, Severity severity, FindingStatus status) {
        return new FindingFact("R-X", severity, branch, "/hp/" + branch + "/", LocalDate.of(2025, 5, 1), status);
    }

    @Test
    void ranksByWeightedSeverityThenNumberThenId() {
        List<FindingFact> facts = List.of(
                fact("b01", Severity.LOW, FindingStatus.OPEN), fact("b01", Severity.LOW, FindingStatus.OPEN),   // 2, two findings
                fact("b02", Severity.MEDIUM, FindingStatus.RESOLVED),                                          // 2, one finding
                fact("b03", Severity.SERIOUS, FindingStatus.OPEN),                                             // 8
                fact("b04", Severity.SERIOUS, FindingStatus.DISMISSED),                                        // dismissed: 0
                fact("b05", Severity.LOW, FindingStatus.OPEN), fact("b05", Severity.LOW, FindingStatus.OPEN)); // 2, two findings

        List<RiskRanking.BranchRisk> ranked = RiskRanking.rank(branches(6), facts, WEIGHTS::get);

        assertThat(ranked).extracting(RiskRanking.BranchRisk::branchId).containsExactly("b03", "b01", "b05", "b02", "b04", "b06");
        assertThat(ranked.get(0).score()).isEqualTo(8);
        assertThat(ranked.get(4).findings()).isZero();
    }

    @Test
    void takesTheRiskiestThenARandomShareOfTheRestTheSameForTheSameSeed() {
        List<FindingFact> facts = List.of(fact("b07", Severity.HIGH, FindingStatus.OPEN), fact("b03", Severity.LOW, FindingStatus.OPEN));
        List<RiskRanking.BranchRisk> ranked = RiskRanking.rank(branches(20), facts, WEIGHTS::get);

        List<PlanDraw.Choice> plan = PlanDraw.draw(ranked, 3, 4, 42L, Set.of());

        // only two branches have findings: a third is not chosen "by risk" with a score of 0
        assertThat(plan).filteredOn(c -> c.reason() == InspectionPlan.Reason.RISK)
                .extracting(c -> c.branch().branchId()).containsExactly("b07", "b03");
        List<String> random = plan.stream().filter(c -> c.reason() == InspectionPlan.Reason.RANDOM)
                .map(c -> c.branch().branchId()).toList();
        assertThat(random).hasSize(4).doesNotHaveDuplicates().doesNotContain("b07", "b03");
        assertThat(PlanDraw.draw(ranked, 3, 4, 42L, Set.of())).isEqualTo(plan);
        assertThat(PlanDraw.draw(ranked.reversed(), 3, 4, 42L, Set.of()))
                .as("the random share does not depend on the ranking's order").filteredOn(c -> c.reason() == InspectionPlan.Reason.RANDOM)
                .extracting(c -> c.branch().branchId()).containsExactlyElementsOf(random);
        List<List<String>> draws = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            draws.add(PlanDraw.draw(ranked, 0, 4, seed, Set.of()).stream().map(c -> c.branch().branchId()).toList());
        }
        assertThat(draws).as("other seeds draw other branches").doesNotHaveDuplicates();
    }

    @Test
    void aBranchPlannedElsewhereThisYearIsNotChosenAgain() {
        List<FindingFact> facts = List.of(fact("b01", Severity.HIGH, FindingStatus.OPEN));
        List<RiskRanking.BranchRisk> ranked = RiskRanking.rank(branches(3), facts, WEIGHTS::get);

        List<PlanDraw.Choice> plan = PlanDraw.draw(ranked, 1, 5, 1L, Set.of("b01", "b02"));

        assertThat(plan).extracting(c -> c.branch().branchId(), PlanDraw.Choice::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b03", InspectionPlan.Reason.RANDOM));
    }
}
