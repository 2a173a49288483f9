package org.chibo.evaluation.rating;

import java.util.List;

/** A rating with every criterion behind it and the rule-set that produced it. */
public record Assessment(Rating rating, List<Criterion> criteria, String ruleSetVersion) {
}
