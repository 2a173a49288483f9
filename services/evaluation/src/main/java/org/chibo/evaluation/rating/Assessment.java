package org.chibo.evaluation.rating;

import java.util.ArrayList;
import java.util.List;

/** A rating with every criterion behind it and the rule-set that produced it. */
public record Assessment(Rating rating, List<Criterion> criteria, String ruleSetVersion) {

    public Assessment {
        criteria = List.copyOf(criteria);
    }

    /** The same assessment held down to {@code ceiling}, with one more criterion saying why. */
    public Assessment heldTo(Rating ceiling, Criterion why) {
        List<Criterion> more = new ArrayList<>(criteria);
        more.add(why);
        return new Assessment(rating.atMost(ceiling), more, ruleSetVersion);
    }

    public Assessment withCriterion(Criterion extra) {
        return heldTo(rating, extra);
    }
}
