package org.chibo.inspection.rules;

import java.util.List;
import java.util.function.Predicate;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;

/** Counts over a roster. Exempt members (miễn sinh hoạt) are left out of every denominator. */
record Turnout(int expected, int present, List<String> absentees) {

    static final Predicate<Attendee> OFFICIAL = a -> "OFFICIAL".equals(a.memberStatus());
    static final Predicate<Attendee> PRESENT = a -> "PRESENT".equals(a.attendance());
    private static final double TOLERANCE = 1e-9;

    static Turnout of(MeetingRecorded meeting, Predicate<Attendee> counted) {
        List<Attendee> considered = roster(meeting).stream().filter(a -> !a.exempt()).filter(counted).toList();
        int present = (int) considered.stream().filter(PRESENT).count();
        List<String> absentees = considered.stream().filter(PRESENT.negate()).map(Attendee::memberId).toList();
        return new Turnout(considered.size(), present, absentees);
    }

    static List<Attendee> roster(MeetingRecorded meeting) {
        return meeting.roster() == null ? List.of() : meeting.roster();
    }

    /**
     * Whether {@code count} reaches {@code share} of {@code of}, tolerant of the rounding in a share written as a
     * decimal: 2 of 3 reaches a quorum of 0.666666666667, as it reaches 2/3.
     */
    static boolean reaches(double count, double share, int of) {
        return count >= share * of - TOLERANCE;
    }

    /** Whether {@code count} is more than {@code share} of {@code of}, with the same tolerance. */
    static boolean exceeds(double count, double share, int of) {
        return count > share * of + TOLERANCE;
    }

    double rate() {
        return expected == 0 ? 1.0 : (double) present / expected;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
