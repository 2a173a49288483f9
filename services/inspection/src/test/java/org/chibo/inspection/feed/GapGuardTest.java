package org.chibo.inspection.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A place handed out but not yet written holds readers back, until it appears or its grace is over. */
class GapGuardTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    private final GapGuard guard = new GapGuard(Duration.ofSeconds(2));

    @Test
    void everyPlacePresentIsPassed() {
        assertThat(guard.settle(10, 13, Set.of(11L, 12L, 13L), T0)).isEqualTo(13);
    }

    @Test
    void aMissingPlaceHoldsReadersBeforeItEvenWhenLaterOnesArePresent() {
        assertThat(guard.settle(10, 13, Set.of(11L, 13L), T0)).isEqualTo(11);
        assertThat(guard.settle(11, 13, Set.of(13L), T0.plusMillis(1_999))).isEqualTo(11);
    }

    @Test
    void aMissingPlaceThatAppearsIsPassedAsAnyOther() {
        assertThat(guard.settle(10, 12, Set.of(12L), T0)).isEqualTo(10);
        assertThat(guard.settle(10, 12, Set.of(11L, 12L), T0.plusMillis(100))).isEqualTo(12);
    }

    @Test
    void aPlaceStillMissingWhenItsGraceIsOverIsPassedForGood() {
        assertThat(guard.settle(10, 12, Set.of(12L), T0)).isEqualTo(10);
        assertThat(guard.settle(10, 12, Set.of(12L), T0.plusSeconds(2))).isEqualTo(12);
    }

    @Test
    void theGraceRunsFromWhenThePlaceWasFirstSeenMissing() {
        assertThat(guard.settle(10, 11, Set.of(), T0)).isEqualTo(10);
        // a later place seen missing for the first time later has a grace of its own
        assertThat(guard.settle(10, 12, Set.of(), T0.plusSeconds(2))).isEqualTo(11);
        assertThat(guard.settle(11, 12, Set.of(), T0.plusMillis(3_999))).isEqualTo(11);
        assertThat(guard.settle(11, 12, Set.of(), T0.plusSeconds(4))).isEqualTo(12);
    }
}
