package org.chibo.evaluation.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.chibo.evaluation.rating.MemberYear;
import org.chibo.evaluation.rating.Turnout;

/** A member's year added up over the branch records they appear in (a member who transferred sits in two or more). */
public final class MemberTally {

    private final String memberId;
    private long present;
    private long expected;
    private int excused;
    private int unexcused;
    private final TreeSet<String> unexcusedMonths = new TreeSet<>();
    private final TreeSet<String> unexcusedMeetingIds = new TreeSet<>();
    private int tasks;
    private final TreeSet<String> openSerious = new TreeSet<>();

    public MemberTally(String memberId) {
        this.memberId = memberId;
    }

    void attended(String code, String meetingId, LocalDate heldOn) {
        switch (code) {
            case MeetingEntry.PRESENT -> {
                present++;
                expected++;
            }
            case MeetingEntry.EXCUSED -> {
                excused++;
                expected++;
            }
            case MeetingEntry.UNEXCUSED -> {
                unexcused++;
                expected++;
                unexcusedMonths.add(Periods.monthOf(heldOn));
                unexcusedMeetingIds.add(meetingId);
            }
            default -> {
                // exempt: out of every count
            }
        }
    }

    void tasks(int n) {
        tasks += n;
    }

    void openSerious(String findingId) {
        openSerious.add(findingId);
    }

    public MemberYear year(int year, List<String> disciplines, List<String> unpaidDuesMonths) {
        return new MemberYear(memberId, year, new Turnout(present, expected), excused, unexcused,
                new ArrayList<>(unexcusedMonths), new ArrayList<>(unexcusedMeetingIds), tasks, disciplines,
                new ArrayList<>(openSerious), unpaidDuesMonths);
    }
}
