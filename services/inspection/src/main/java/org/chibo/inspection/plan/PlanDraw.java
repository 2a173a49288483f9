package org.chibo.inspection.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the branches of an annual plan: the {@code riskCount} riskiest (those with any finding at all), then
 * {@code randomCount} drawn at random from the rest with a recorded seed, so anyone can draw the plan again and get the
 * same branches. A branch already in another plan of the year is not chosen again: one inspection per branch a year.
 * Plain Java.
 */
final class PlanDraw {

    private PlanDraw() {
    }

    record Choice(RiskRanking.BranchRisk branch, InspectionPlan.Reason reason) {
    }

    static List<Choice> draw(List<RiskRanking.BranchRisk> ranked, int riskCount, int randomCount, long seed,
                             Set<String> alreadyPlanned) {
        List<Choice> chosen = new ArrayList<>();
        List<RiskRanking.BranchRisk> rest = new ArrayList<>();
        for (RiskRanking.BranchRisk b : ranked) {
            if (alreadyPlanned.contains(b.branchId())) {
                continue;
            }
            if (chosen.size() < riskCount && b.score() > 0) {
                chosen.add(new Choice(b, InspectionPlan.Reason.RISK));
            } else {
                rest.add(b);
            }
        }
        // the rest in a fixed order before shuffling, so the seed alone decides
        rest.sort(java.util.Comparator.comparing(RiskRanking.BranchRisk::branchId));
        Collections.shuffle(rest, new Random(seed));
        rest.stream().limit(randomCount).forEach(b -> chosen.add(new Choice(b, InspectionPlan.Reason.RANDOM)));
        return chosen;
    }
}
