package org.chibo.inspection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.junit.jupiter.api.Test;

/** The rules as plain Java: no Spring, no broker. */
class MeetingRulesTest {

    private final AttendanceBelowTargetRule attendance = new AttendanceBelowTargetRule(0.90);
    private final QuorumRule quorum = new QuorumRule(2.0 / 3);

    @Test
    void attendanceBelowNinetyPercentIsAFindingWithItsFigures() {
        MeetingRecorded m = meeting(roster(8, 1, 1, 0, 0));

        Breach breach = attendance.check(m).orElseThrow();

        assertThat(breach.evidence()).containsEntry("present", 8).containsEntry("expected", 10).containsEntry("rate", 0.8);
        assertThat(breach.memberIds()).containsExactly("m8", "m9");
    }

    @Test
    void attendanceAtTheTargetIsFine() {
        assertThat(attendance.check(meeting(roster(9, 1, 0, 0, 0)))).isEmpty();
    }

    @Test
    void exemptMembersAreLeftOutOfTheDenominator() {
        // 9 of 10 expected present; the two exempt absentees do not count
        assertThat(attendance.check(meeting(roster(9, 0, 1, 2, 0)))).isEmpty();
    }

    @Test
    void quorumCountsOnlyOfficialMembers() {
        // 6 official present of 10 official (< 2/3); the 3 probationary members present do not make up for it
        MeetingRecorded m = meeting(roster(6, 4, 0, 0, 3));

        Breach breach = quorum.check(m).orElseThrow();

        assertThat(breach.evidence()).containsEntry("presentOfficial", 6).containsEntry("expectedOfficial", 10);
        assertThat(quorum.check(meeting(roster(7, 3, 0, 0, 0)))).isEmpty();
    }

    /** present, excused, unexcused official members; exempt (absent) officials; present probationary members. */
    private static List<Attendee> roster(int present, int excused, int unexcused, int exemptAbsent, int probationaryPresent) {
        List<Attendee> roster = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < present; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", false, "PRESENT", null));
        for (int i = 0; i < excused; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", false, "ABSENT_EXCUSED", "ốm"));
        for (int i = 0; i < unexcused; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", false, "ABSENT_UNEXCUSED", null));
        for (int i = 0; i < exemptAbsent; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", true, "ABSENT_EXCUSED", "miễn"));
        for (int i = 0; i < probationaryPresent; i++) roster.add(new Attendee("m" + n++, null, "PROBATIONARY", false, "PRESENT", null));
        return roster;
    }

    private static MeetingRecorded meeting(List<Attendee> roster) {
        return new MeetingRecorded("meeting-1", "branch-1", "/b/", "REGULAR", "IN_PERSON", LocalDate.of(2026, 11, 5),
                null, null, Instant.parse("2026-11-05T12:00:00Z"), null, roster, null);
    }
}
