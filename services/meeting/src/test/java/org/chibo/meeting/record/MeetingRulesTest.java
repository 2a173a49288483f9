package org.chibo.meeting.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.contracts.meeting.MeetingRecorded.Minutes;
import org.chibo.contracts.meeting.MeetingRecorded.Resolution;
import org.chibo.contracts.meeting.MeetingRecorded.Task;
import org.chibo.meeting.roster.RosterMember;
import org.junit.jupiter.api.Test;

/** The meeting's rules without Spring: periods, the parts of the minutes, the roster of the day, the vote. */
class MeetingRulesTest {

    static final LocalDate DAY = LocalDate.of(2025, 5, 12);

    @Test
    void aRegularMeetingCountsForItsMonthAThematicOneForItsQuarter() {
        assertThat(Periods.of(MeetingType.REGULAR, DAY)).isEqualTo("2025-05");
        assertThat(Periods.of(MeetingType.THEMATIC, DAY)).isEqualTo("2025-Q2");
        assertThat(Periods.of(MeetingType.THEMATIC, LocalDate.of(2025, 12, 31))).isEqualTo("2025-Q4");
        assertThat(Periods.of(MeetingType.EXTRAORDINARY, DAY)).isNull();
        assertThat(Periods.contains(MeetingType.REGULAR, "2025-05", LocalDate.of(2025, 5, 31))).isTrue();
        assertThat(Periods.contains(MeetingType.REGULAR, "2025-05", LocalDate.of(2025, 6, 1))).isFalse();
        assertThat(Periods.contains(MeetingType.THEMATIC, "2025-Q2", LocalDate.of(2025, 6, 30))).isTrue();
    }

    @Test
    void missingPartsAreNamedAndCompleteMinutesHaveNone() {
        assertThat(MinutesCheck.missingParts(complete())).isEmpty();
        assertThat(MinutesCheck.missingParts(null)).containsExactly("chairId", "minuteTakerId", "contentItems", "conclusion",
                "resolution", "signedByChair", "signedByMinuteTaker");
        Minutes gaps = new Minutes("a", " ", List.of(" "), "kết luận", new Resolution("", true, List.of()), true, false);
        assertThat(MinutesCheck.missingParts(gaps)).containsExactly("minuteTakerId", "contentItems", "resolution", "signedByMinuteTaker");
        assertThatThrownBy(() -> MinutesCheck.requireComplete(gaps)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("minutes.minuteTakerId");
    }

    @Test
    void chairAndMinuteTakerWerePresentAndTasksGoToMembersOfTheRoster() {
        List<Attendee> roster = List.of(new Attendee("a", null, "OFFICIAL", false, "PRESENT", null),
                new Attendee("b", null, "OFFICIAL", false, "PRESENT", null),
                new Attendee("c", null, "OFFICIAL", false, "ABSENT_EXCUSED", "ốm"));
        MinutesCheck.checkPeople(complete(), roster);
        assertThatThrownBy(() -> MinutesCheck.checkPeople(new Minutes("c", "b", List.of("x"), "y", null, true, true), roster))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("minutes.chairId");
        Minutes strangerTask = new Minutes("a", "b", List.of("x"), "y", new Resolution("z", true, List.of(new Task("zz", "việc", null))), true, true);
        assertThatThrownBy(() -> MinutesCheck.checkPeople(strangerTask, roster))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("minutes.resolution.tasks[0].memberId");
    }

    @Test
    void theRosterOfTheDayHasOnlyMembersThenOnTheRollsWithTheirStatusOfThatDay() {
        List<RosterMember> rolls = List.of(
                new RosterMember("old", "A", "OFFICIAL", null, null, null, LocalDate.of(2010, 1, 1), null),
                new RosterMember("recognised", "B", "OFFICIAL", null, null, null, LocalDate.of(2024, 3, 1), LocalDate.of(2025, 3, 1)),
                new RosterMember("late", "C", "PROBATIONARY", null, null, null, LocalDate.of(2025, 9, 1), null),
                new RosterMember("exempt", "D", "OFFICIAL", LocalDate.of(2025, 1, 1), null, null, null, null));

        List<Attendee> april = RosterCheck.snapshot(rolls, LocalDate.of(2025, 2, 10));
        assertThat(april).extracting(Attendee::memberId).containsExactly("exempt", "old", "recognised");
        assertThat(april).filteredOn(a -> a.memberId().equals("recognised")).singleElement()
                .extracting(Attendee::memberStatus).isEqualTo("PROBATIONARY");
        assertThat(RosterCheck.snapshot(rolls, DAY)).filteredOn(a -> a.memberId().equals("recognised")).singleElement()
                .extracting(Attendee::memberStatus).isEqualTo("OFFICIAL");

        List<RecordMeetingCommand.Line> lines = List.of(new RecordMeetingCommand.Line("old", Attendance.PRESENT, null),
                new RecordMeetingCommand.Line("recognised", Attendance.PRESENT, null));
        List<Attendee> recorded = RosterCheck.attendees(rolls, lines, LocalDate.of(2025, 2, 10));
        assertThat(recorded).extracting(Attendee::memberId).containsExactly("old", "recognised", "exempt");
        assertThat(recorded.get(2).exempt()).isTrue();

        List<RecordMeetingCommand.Line> tooEarly = List.of(new RecordMeetingCommand.Line("late", Attendance.PRESENT, null));
        assertThatThrownBy(() -> RosterCheck.attendees(rolls, tooEarly, LocalDate.of(2025, 2, 10)))
                .hasMessageContaining("not yet on the rolls");
        // a probationary member present does not count among those who may vote
        assertThatThrownBy(() -> RosterCheck.checkVote(recorded, new RecordMeetingCommand.Vote(2, 0, 0)))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("vote");
    }

    private static Minutes complete() {
        return new Minutes("a", "b", List.of("Thời sự"), "Kết luận", new Resolution("Nghị quyết", true,
                List.of(new Task("b", "Việc", LocalDate.of(2025, 6, 1)))), true, true);
    }
}
