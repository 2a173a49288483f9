package org.chibo.citysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ApportionTest {

    @Test
    void splitsExactlyWithAMinimumPerSlot() {
        int[] shares = Apportion.largestRemainder(100, new double[] {1, 1, 1}, 2);
        assertThat(Arrays.stream(shares).sum()).isEqualTo(100);
        assertThat(shares).containsExactly(34, 33, 33);
        assertThat(Apportion.largestRemainder(5556, new double[] {15, 17, 6, 0.1}, 2)).satisfies(s -> {
            assertThat(Arrays.stream(s).sum()).isEqualTo(5556);
            assertThat(Arrays.stream(s).min().orElseThrow()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void weightsThatAlreadyAddUpAreKept() {
        assertThat(Apportion.largestRemainder(10, new double[] {3, 7}, 0)).containsExactly(3, 7);
    }

    @Test
    void anImpossibleSplitIsRefused() {
        assertThatThrownBy(() -> Apportion.largestRemainder(5, new double[] {1, 1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cellsFollowTheBranchSize() {
        assertThat(TreeBuilder.cellsFor(30)).isZero();
        assertThat(TreeBuilder.cellsFor(31)).isEqualTo(2);
        assertThat(TreeBuilder.cellsFor(46)).isEqualTo(3);
        assertThat(TreeBuilder.cellsFor(61)).isEqualTo(4);
    }
}
