package org.chibo.contracts.evaluation;

import java.time.Instant;

/**
 * The competent committee decided a proposed annual rating (chibo.evaluation.rating-decided.v1): confirmed it, or
 * overrode it with a reason. Keyed like {@code rating-changed}: branch id for a branch, member id for a member. The
 * latest decision (by {@code decidedAt}) is the final rating.
 *
 * @param decisionId     unique per decision: a consumer applies each once
 * @param decision       CONFIRMED (the proposal stands) or OVERRIDDEN (the committee set another level)
 * @param rating         the final rating now: EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED
 * @param proposedRating what the year close proposed
 * @param previousRating the final rating before this decision, null for the first decision
 * @param reason         why; required for OVERRIDDEN, optional for CONFIRMED
 * @param decidedBy      the user who recorded the committee's decision
 */
public record RatingDecided(
        String subjectType,
        String subjectId,
        String branchId,
        int year,
        String decisionId,
        String decision,
        String rating,
        String proposedRating,
        String previousRating,
        String reason,
        String decidedBy,
        Instant decidedAt,
        String organisationPath,
        String ratingUnitId) {
}
