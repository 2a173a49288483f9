package org.chibo.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chibo.inspection.finding.FindingStatus.ACKNOWLEDGED;
import static org.chibo.inspection.finding.FindingStatus.DISMISSED;
import static org.chibo.inspection.finding.FindingStatus.OPEN;
import static org.chibo.inspection.finding.FindingStatus.RESOLVED;

import org.junit.jupiter.api.Test;

class FindingStatusTest {

    @Test
    void aPersonMovesAFindingForwardOnly() {
        assertThat(OPEN.mayBecome(ACKNOWLEDGED)).isTrue();
        assertThat(OPEN.mayBecome(RESOLVED)).isTrue();
        assertThat(OPEN.mayBecome(DISMISSED)).isTrue();
        assertThat(ACKNOWLEDGED.mayBecome(RESOLVED)).isTrue();
        assertThat(ACKNOWLEDGED.mayBecome(DISMISSED)).isTrue();

        assertThat(OPEN.mayBecome(OPEN)).isFalse();
        assertThat(ACKNOWLEDGED.mayBecome(ACKNOWLEDGED)).isFalse();
        assertThat(ACKNOWLEDGED.mayBecome(OPEN)).isFalse();
        for (FindingStatus next : FindingStatus.values()) {
            assertThat(RESOLVED.mayBecome(next)).as("RESOLVED → " + next).isFalse();
            assertThat(DISMISSED.mayBecome(next)).as("DISMISSED → " + next).isFalse();
        }
    }

    @Test
    void onlyOpenAndAcknowledgedFindingsWaitForSomeone() {
        assertThat(OPEN.isActive()).isTrue();
        assertThat(ACKNOWLEDGED.isActive()).isTrue();
        assertThat(RESOLVED.isActive()).isFalse();
        assertThat(DISMISSED.isActive()).isFalse();
        assertThat(FindingStatus.needsReason(RESOLVED)).isTrue();
        assertThat(FindingStatus.needsReason(DISMISSED)).isTrue();
        assertThat(FindingStatus.needsReason(ACKNOWLEDGED)).isFalse();
    }
}
