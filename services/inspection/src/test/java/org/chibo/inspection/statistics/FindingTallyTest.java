package org.chibo.inspection.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.chibo.inspection.finding.FindingStatus;
import org.chibo.inspection.rules.Severity;
import org.junit.jupiter.api.Test;

class FindingTallyTest {

    private static final String CITY = "/hp/";
    private static final List<FindingTally.Branch> BRANCHES = List.of(
            new FindingTally.Branch("b1", "/hp/d1/g1/b1/"), new FindingTally.Branch("b2", "/hp/d1/g1/b2/"),
            new FindingTally.Branch("b3", "/hp/d2/b3/"), new FindingTally.Branch("b4", "/hp/d2/b4/"));

    private static FindingFact fact(String rule, Severity severity, String branch, String path, String day, FindingStatus status) {
        return new FindingFact(rule, severity, branch, path, LocalDate.parse(day), status);
    }

    private static final List<FindingFact> FACTS = List.of(
            fact("R-G2", Severity.MEDIUM, "b1", "/hp/d1/g1/b1/", "2025-03-05", FindingStatus.OPEN),
            fact("R-G6", Severity.LOW, "b1", "/hp/d1/g1/b1/", "2025-06-10", FindingStatus.DISMISSED),
            fact("R-G1", Severity.HIGH, "b3", "/hp/d2/b3/", "2025-04-08", FindingStatus.RESOLVED),
            fact("R-G2", Severity.MEDIUM, "b3", "/hp/d2/b3/", "2025-04-08", FindingStatus.ACKNOWLEDGED));

    @Test
    void countsByRuleSeverityMonthAndUnitLeavingDismissedOut() {
        FindingTally.Figures f = FindingTally.of(CITY, 2025, FACTS, BRANCHES);

        assertThat(f.findings()).isEqualTo(3);
        assertThat(f.dismissed()).isEqualTo(1);
        assertThat(f.open()).isEqualTo(2);
        assertThat(f.resolved()).isEqualTo(1);
        assertThat(f.byRule()).containsExactly(java.util.Map.entry("R-G1", 1L), java.util.Map.entry("R-G2", 2L));
        assertThat(f.bySeverity()).containsEntry(Severity.HIGH, 1L).containsEntry(Severity.MEDIUM, 2L)
                .containsEntry(Severity.LOW, 0L).containsEntry(Severity.SERIOUS, 0L);
        assertThat(f.byMonth()).hasSize(12).containsEntry("2025-03", 1L).containsEntry("2025-04", 2L)
                .containsEntry("2025-06", 0L).containsEntry("2025-12", 0L);
        assertThat(f.byUnit()).extracting(FindingTally.UnitCount::organisationId, FindingTally.UnitCount::findings)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d1", 1L), org.assertj.core.groups.Tuple.tuple("d2", 2L));
        assertThat(f.branches()).isEqualTo(4);
        assertThat(f.branchesWithoutFindings()).isEqualTo(2);
    }

    @Test
    void aBranchWhoseOnlyFindingWasDismissedHasNone() {
        List<FindingFact> onlyDismissed = List.of(FACTS.get(1));

        assertThat(FindingTally.withoutFindings(onlyDismissed, BRANCHES)).extracting(FindingTally.Branch::id)
                .containsExactly("b1", "b2", "b3", "b4");
        assertThat(FindingTally.withoutFindings(FACTS, BRANCHES)).extracting(FindingTally.Branch::id)
                .containsExactly("b2", "b4");
    }

    @Test
    void theUnitBelowIsTheFirstStepUnderTheScope() {
        assertThat(FindingTally.unitBelow("/hp/", "/hp/d1/g1/b1/")).isEqualTo("d1");
        assertThat(FindingTally.unitBelow("/hp/d1/", "/hp/d1/g1/b1/")).isEqualTo("g1");
        assertThat(FindingTally.unitBelow("/hp/d2/b3/", "/hp/d2/b3/")).isNull();
        assertThat(FindingTally.unitBelow("/hp/d1/", "/hp/d2/b3/")).isNull();
    }
}
