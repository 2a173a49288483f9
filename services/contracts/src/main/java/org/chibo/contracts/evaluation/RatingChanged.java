package org.chibo.contracts.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * A computed rating moved (chibo.evaluation.rating-changed.v1).
 *
 * @param subjectType BRANCH or MEMBER
 * @param rating      EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED
 * @param stage       PROVISIONAL during the year, PROPOSED at year close, CONFIRMED once the committee decided
 * @param criteria    each criterion with its evidence, so a person can see why
 */
public record RatingChanged(
        String subjectType,
        String subjectId,
        String branchId,
        int year,
        String rating,
        String previousRating,
        String stage,
        String ruleSetVersion,
        List<Criterion> criteria,
        Instant changedAt) {

    public record Criterion(String name, boolean met, String evidence) {
    }
}
