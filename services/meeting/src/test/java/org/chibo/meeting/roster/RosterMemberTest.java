package org.chibo.meeting.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.chibo.contracts.membership.MemberAdmitted;
import org.junit.jupiter.api.Test;

/** A member's status on the day of a meeting, as the roster learns it from {@code member-admitted}. */
class RosterMemberTest {

    private static MemberAdmitted admitted(String status, LocalDate recognisedOn) {
        return new MemberAdmitted("m1", "b1", "/city/b1/", "Nguyễn Văn An", "HP00000001", status, LocalDate.of(2024, 3, 2),
                recognisedOn);
    }

    @Test
    void anOnboardedMemberRecognisedOnADayIsProbationaryBeforeItAndOfficialFromIt() {
        RosterMember member = RosterMember.admitted(admitted("OFFICIAL", LocalDate.of(2025, 4, 15)));

        assertThat(member.statusOn(LocalDate.of(2025, 3, 20))).isEqualTo("PROBATIONARY");
        assertThat(member.statusOn(LocalDate.of(2025, 4, 14))).isEqualTo("PROBATIONARY");
        assertThat(member.statusOn(LocalDate.of(2025, 4, 15))).isEqualTo("OFFICIAL");
        assertThat(member.onRollsOn(LocalDate.of(2024, 3, 1))).isFalse();
        assertThat(member.onRollsOn(LocalDate.of(2024, 3, 2))).isTrue();
    }

    @Test
    void anOfficialMemberWithoutARecognitionDayIsOfficialOnAnyDayAndANewAdmissionProbationary() {
        assertThat(RosterMember.admitted(admitted("OFFICIAL", null)).statusOn(LocalDate.of(2024, 3, 2))).isEqualTo("OFFICIAL");
        assertThat(RosterMember.admitted(admitted("PROBATIONARY", null)).statusOn(LocalDate.of(2030, 1, 1))).isEqualTo("PROBATIONARY");
    }
}
