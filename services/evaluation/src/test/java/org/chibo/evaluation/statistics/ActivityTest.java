package org.chibo.evaluation.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.evaluation.rating.RatingThresholds;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.MeetingEntry;
import org.junit.jupiter.api.Test;

class ActivityTest {

    private static final RatingThresholds T = RatingThresholds.defaults();

    private static MeetingEntry regular(int month, MeetingRecorded.Minutes minutes) {
        LocalDate day = LocalDate.of(2025, month, 10);
        MeetingRecorded m = new MeetingRecorded("m" + month, "b", "/c/d/g/b/", "REGULAR", "IN_PERSON", day, null, null,
                Instant.parse("2025-01-01T00:00:00Z"), null,
                List.of(new Attendee("a", "a", "OFFICIAL", false, "PRESENT", null), new Attendee("x", "x", "OFFICIAL", true, "ABSENT_EXCUSED", "ill")),
                null, "BRANCH", null, null, null, day, minutes);
        return MeetingEntry.of(m, 0, day);
    }

    @Test
    void branchesMeetingEveryMonthFullProcedureAndMembersGivenTasksAreCountedAsUnitsReportThem() {
        MeetingRecorded.Minutes complete = new MeetingRecorded.Minutes("a", "a", List.of("tin tức thời sự"), "kết luận",
                new MeetingRecorded.Resolution("nghị quyết", true, List.of(new MeetingRecorded.Task("a", "báo cáo", LocalDate.of(2025, 2, 1)))),
                true, true);
        MeetingRecorded.Minutes unsigned = new MeetingRecorded.Minutes("a", "a", List.of("tin tức"), "kết luận",
                new MeetingRecorded.Resolution("nghị quyết", true, List.of()), true, false);
        BranchRecord everyMonth = new BranchRecord("b1", 2025, new HashMap<>(), new HashMap<>());
        for (int month = 1; month <= 12; month++) {
            everyMonth.record("m" + month, regular(month, month == 1 ? complete : unsigned));
        }
        BranchRecord nothing = new BranchRecord("b2", 2025, new HashMap<>(), new HashMap<>());

        Activity activity = new Activity();
        activity.add(everyMonth, T);
        activity.add(nothing, T);
        Activity.Figures f = activity.figures();

        assertThat(f.branches()).isEqualTo(2);
        assertThat(f.branchesMeetingEveryMonth()).isEqualTo(1);
        assertThat(f.shareMeetingEveryMonth()).isEqualTo(0.5);
        assertThat(f.regularMonthsHeldShare()).isEqualTo(12.0 / 24);
        assertThat(f.meetings()).isEqualTo(12);
        assertThat(f.fullProcedureShare()).isEqualTo(1.0 / 12);
        assertThat(f.attendanceRate()).isEqualTo(1.0);
        assertThat(f.membersOnRosters()).as("the exempt member is left out").isEqualTo(1);
        assertThat(f.membersGivenTasksShare()).isEqualTo(1.0);
    }
}
