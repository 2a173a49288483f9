package org.chibo.evaluation.scorecard;

import java.util.List;

import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.evaluation.rating.Criterion;

/** An assessment's criteria as the published contract carries them. */
public final class RatingEvents {

    private RatingEvents() {
    }

    public static List<RatingChanged.Criterion> criteria(List<Criterion> criteria) {
        return criteria.stream().map(c -> new RatingChanged.Criterion(c.name(), c.met(), c.evidence())).toList();
    }

    public static List<Criterion> fromEvent(List<RatingChanged.Criterion> criteria) {
        return criteria.stream().map(c -> new Criterion(c.name(), c.met(), c.evidence())).toList();
    }
}
