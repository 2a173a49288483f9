package org.chibo.evaluation.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.evaluation.rating.BranchYear;
import org.chibo.evaluation.rating.MemberYear;
import org.chibo.evaluation.rating.RatingThresholds;
import org.junit.jupiter.api.Test;

class BranchRecordTest {

    private final RatingThresholds t = RatingThresholds.defaults();

    static MeetingRecorded meeting(String id, String type, String period, LocalDate heldOn, LocalDate closedOn,
                                   List<Attendee> roster) {
        return new MeetingRecorded(id, "b-1", "/hp/d1/g1/b-1/", type, "IN_PERSON", heldOn, null, null,
                Instant.parse("2025-01-01T00:00:00Z"), "THEMATIC".equals(type) ? "topic" : null, roster, null, "BRANCH",
                null, period, null, closedOn, null);
    }

    static Attendee present(String id) {
        return new Attendee(id, id, "OFFICIAL", false, "PRESENT", null);
    }

    static Attendee unexcused(String id) {
        return new Attendee(id, id, "OFFICIAL", false, "ABSENT_UNEXCUSED", null);
    }

    private static BranchRecord empty(String branchId) {
        return new BranchRecord(branchId, 2025, new HashMap<>(), new HashMap<>());
    }

    @Test
    void anOlderRevisionNeverReplacesANewerOne() {
        BranchRecord r = empty("b-1");
        LocalDate day = LocalDate.of(2025, 3, 5);
        MeetingEntry amended = MeetingEntry.of(meeting("m1", "REGULAR", "2025-03", day, day, List.of(present("a"))), 1, day);
        MeetingEntry original = MeetingEntry.of(meeting("m1", "REGULAR", "2025-03", day, day, List.of(unexcused("a"))), 0, day);

        assertThat(r.record("m1", amended)).isTrue();
        assertThat(r.record("m1", original)).isFalse();
        assertThat(r.record("m1", amended)).isFalse();
        assertThat(r.turnout().present()).isEqualTo(1);
    }

    @Test
    void aFindingsStatusIsTheLatestByTimeWhateverTheOrderOfArrival() {
        FindingEntry raised = new FindingEntry("R-M3", "SERIOUS", List.of("a"), "OPEN", Instant.parse("2025-03-01T00:00:00Z"));
        FindingEntry resolved = new FindingEntry("R-M3", "SERIOUS", List.of("a"), "RESOLVED", Instant.parse("2025-04-01T00:00:00Z"));
        BranchRecord inOrder = empty("b-1");
        BranchRecord reversed = empty("b-1");

        inOrder.follow("f", raised);
        inOrder.follow("f", resolved);
        reversed.follow("f", resolved);
        assertThat(reversed.follow("f", raised)).isFalse();

        assertThat(inOrder.findings()).isEqualTo(reversed.findings());
        assertThat(inOrder.openSeriousFindingIds(t)).isEmpty();
    }

    @Test
    void monthsAndQuartersCountOnlyWhenHeldAndClosedOnTime() {
        BranchRecord r = empty("b-1");
        for (int m = 1; m <= 12; m++) {
            LocalDate day = LocalDate.of(2025, m, 10);
            LocalDate closed = m == 4 ? day.plusDays(8) : day.plusDays(7);
            r.record("r" + m, MeetingEntry.of(meeting("r" + m, "REGULAR", null, day, closed, List.of(present("a"))), 0, day));
        }
        r.record("t1", MeetingEntry.of(meeting("t1", "THEMATIC", "2025-Q1", LocalDate.of(2025, 2, 20), LocalDate.of(2025, 2, 20),
                List.of(present("a"))), 0, LocalDate.of(2025, 2, 20)));

        BranchYear year = r.wholeYear(t, List.of());

        assertThat(year.regular().missing()).isEmpty();
        assertThat(year.regular().late()).containsExactly("2025-04");
        assertThat(year.thematic().missing()).containsExactly("2025-Q2", "2025-Q3", "2025-Q4");
        BranchYear soFar = empty("b-1").soFar(t);
        assertThat(soFar.regular().required()).isEmpty();
    }

    @Test
    void aMembersYearIsAddedUpOverEveryBranchTheySatIn() {
        BranchRecord first = empty("b-1");
        BranchRecord second = empty("b-2");
        first.record("m1", MeetingEntry.of(meeting("m1", "REGULAR", "2025-01", LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 5),
                List.of(unexcused("a"), present("b"))), 0, LocalDate.of(2025, 1, 5)));
        second.record("m2", MeetingEntry.of(meeting("m2", "REGULAR", "2025-07", LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 5),
                List.of(present("a"), new Attendee("c", "c", "OFFICIAL", true, "ABSENT_EXCUSED", "ill"))), 0, LocalDate.of(2025, 7, 5)));
        second.follow("R-M3:a", new FindingEntry("R-M3", "SERIOUS", List.of("a"), "OPEN", Instant.EPOCH));

        Map<String, MemberTally> members = new HashMap<>();
        first.tally(members, t);
        second.tally(members, t);
        MemberYear a = members.get("a").year(2025, List.of(), List.of());

        assertThat(a.turnout().present()).isEqualTo(1);
        assertThat(a.turnout().expected()).isEqualTo(2);
        assertThat(a.unexcusedMonths()).containsExactly("2025-01");
        assertThat(a.unexcusedMeetingIds()).containsExactly("m1");
        assertThat(a.openSeriousFindingIds()).containsExactly("R-M3:a");
        assertThat(members.get("c").year(2025, List.of(), List.of()).turnout().expected()).isZero();
    }
}
