package org.chibo.evaluation.rating;

import java.util.ArrayList;
import java.util.List;

/**
 * A versioned list of rules. The rating is the lowest ceiling among the rules not met, or EXCELLENT when all are met:
 * a subject that meets every rule is eligible for Hoàn thành xuất sắc nhiệm vụ, before the cap.
 */
public record RuleSet<F>(String version, List<Rule<F>> rules) {

    public Assessment assess(F figures) {
        Rating rating = Rating.EXCELLENT;
        List<Criterion> criteria = new ArrayList<>(rules.size());
        for (Rule<F> rule : rules) {
            Criterion c = rule.check(figures);
            criteria.add(c);
            if (!c.met()) {
                rating = rating.atMost(rule.gate().ceilingWhenNotMet());
            }
        }
        return new Assessment(rating, criteria, version);
    }
}
