package org.chibo.contracts.evaluation;

import java.time.Instant;
import java.util.Map;

/**
 * A rating year was closed (chibo.evaluation.year-closed.v1): every member and branch of the year has a proposed
 * final rating, each published as {@code rating-changed} with stage PROPOSED. Keyed by the year.
 *
 * @param membersByRating  how many members were proposed at each level
 * @param branchesByRating how many branches were proposed at each level
 */
public record YearClosed(
        int year,
        int membersRated,
        int branchesRated,
        Map<String, Integer> membersByRating,
        Map<String, Integer> branchesByRating,
        String memberRuleSet,
        String branchRuleSet,
        String closedBy,
        Instant closedAt,
        long durationMillis) {
}
