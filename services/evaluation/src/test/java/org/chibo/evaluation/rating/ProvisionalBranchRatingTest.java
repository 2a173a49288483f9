package org.chibo.evaluation.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvisionalBranchRatingTest {

    private final ProvisionalBranchRating rating = new ProvisionalBranchRating(0.90);

    @Test
    void goodWhileAttendanceHoldsAndNothingIsOpen() {
        Assessment a = rating.assess(new BranchFigures(2, 19, 20, 0));

        assertThat(a.rating()).isEqualTo(Rating.GOOD);
        assertThat(a.criteria()).allMatch(Criterion::met);
        assertThat(a.ruleSetVersion()).isEqualTo(ProvisionalBranchRating.RULE_SET);
    }

    @Test
    void anOpenFindingOrLowAttendanceMakesItCompletedAndSaysWhy() {
        Assessment a = rating.assess(new BranchFigures(1, 8, 10, 1));

        assertThat(a.rating()).isEqualTo(Rating.COMPLETED);
        assertThat(a.criteria()).extracting(Criterion::met).containsExactly(false, false);
        assertThat(a.criteria().get(0).evidence()).isEqualTo("8 present of 10 expected over 1 recorded meeting(s) (80.0%)");
        assertThat(a.criteria().get(1).evidence()).isEqualTo("1 open finding(s)");
    }
}
