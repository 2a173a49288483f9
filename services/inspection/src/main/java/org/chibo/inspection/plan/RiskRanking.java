package org.chibo.inspection.plan;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.chibo.inspection.rules.Severity;
import org.chibo.inspection.statistics.FindingFact;
import org.chibo.inspection.statistics.FindingTally;

/**
 * Ranks branches by the risk their findings show: the sum of each counted finding's severity weight (most and most
 * serious findings first), then the number of findings, then the branch id, so the same record always ranks the same.
 * Plain Java.
 */
final class RiskRanking {

    private RiskRanking() {
    }

    record BranchRisk(String branchId, String organisationPath, int score, int findings) {
    }

    static final Comparator<BranchRisk> RISKIEST_FIRST = Comparator.comparingInt(BranchRisk::score).reversed()
            .thenComparing(Comparator.comparingInt(BranchRisk::findings).reversed())
            .thenComparing(BranchRisk::branchId);

    static List<BranchRisk> rank(Collection<FindingTally.Branch> branches, Collection<FindingFact> facts,
                                 ToIntFunction<Severity> weight) {
        Map<String, int[]> scoreAndCount = new HashMap<>();
        for (FindingFact f : facts) {
            if (f.counts()) {
                int[] sc = scoreAndCount.computeIfAbsent(f.branchId(), id -> new int[2]);
                sc[0] += weight.applyAsInt(f.severity());
                sc[1]++;
            }
        }
        return branches.stream().map(b -> {
            int[] sc = scoreAndCount.getOrDefault(b.id(), new int[2]);
            return new BranchRisk(b.id(), b.path(), sc[0], sc[1]);
        }).sorted(RISKIEST_FIRST).toList();
    }
}
