package org.chibo.contracts.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * A computed rating moved (chibo.evaluation.rating-changed.v1).
 *
 * @param subjectType      BRANCH or MEMBER
 * @param branchId         the branch; for a member, the branch they are rated in
 * @param rating           EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED
 * @param stage            PROVISIONAL during the year, PROPOSED at year close, CONFIRMED once the committee decided
 * @param criteria         each criterion with its evidence, so a person can see why
 * @param organisationPath the branch's materialised path; optional, added to v1 before release (null in earlier events)
 * @param ratingUnitId     the organisation within which the EXCELLENT cap was counted; optional, added to v1 before
 *                         release
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
        Instant changedAt,
        String organisationPath,
        String ratingUnitId) {

    /** The shape released first, before the organisation path and rating unit were added. */
    public RatingChanged(String subjectType, String subjectId, String branchId, int year, String rating,
                         String previousRating, String stage, String ruleSetVersion, List<Criterion> criteria,
                         Instant changedAt) {
        this(subjectType, subjectId, branchId, year, rating, previousRating, stage, ruleSetVersion, criteria, changedAt,
                null, null);
    }

    public record Criterion(String name, boolean met, String evidence) {
    }
}
