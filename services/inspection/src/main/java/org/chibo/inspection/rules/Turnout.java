package org.chibo.inspection.rules;

import java.util.List;
import java.util.function.Predicate;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;

/** Counts over a roster. Exempt members (miễn sinh hoạt) are left out of every denominator. */
record Turnout(int expected, int present, List<String> absentees) {

    static Turnout of(MeetingRecorded meeting, Predicate<Attendee> counted) {
        List<Attendee> considered = meeting.roster().stream().filter(a -> !a.exempt()).filter(counted).toList();
        int present = (int) considered.stream().filter(a -> "PRESENT".equals(a.attendance())).count();
        List<String> absentees = considered.stream().filter(a -> !"PRESENT".equals(a.attendance()))
                .map(Attendee::memberId).toList();
        return new Turnout(considered.size(), present, absentees);
    }

    double rate() {
        return expected == 0 ? 1.0 : (double) present / expected;
    }
}
