package org.chibo.evaluation.record;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chibo.contracts.meeting.MeetingRecorded;

/**
 * One recorded meeting as the rating needs it: what period it fulfils, whether it was on time, and each member's
 * attendance in one letter, so a branch's whole year fits in one document.
 *
 * @param fulfils    the month a regular meeting of the whole branch fulfils, the quarter a thematic meeting fulfils,
 *                   otherwise null (the same reading as inspection's R-P1/R-P2)
 * @param closedOn   the day the minutes were closed; without one in the record, the day it was recorded
 * @param revision   0 as recorded, then each amendment's number: an older one never replaces a newer
 * @param attendance member id to {@link #PRESENT}, {@link #EXCUSED}, {@link #UNEXCUSED} or {@link #EXEMPT}
 * @param tasks      member id to the number of resolution tasks given them
 * @param fullProcedure the minutes carry every part 12-HD/BTCTW asks (chair, minute-taker, content, conclusion,
 *                   resolution, both signatures): the meeting followed the full procedure, for the statistics
 */
public record MeetingEntry(String type, String fulfils, LocalDate heldOn, LocalDate closedOn, int revision,
                           Map<String, String> attendance, Map<String, Integer> tasks, boolean fullProcedure) {

    public static final String PRESENT = "P";
    public static final String EXCUSED = "E";
    public static final String UNEXCUSED = "U";
    public static final String EXEMPT = "X";

    public static MeetingEntry of(MeetingRecorded m, int revision, LocalDate recordedOn) {
        Map<String, String> attendance = new LinkedHashMap<>();
        for (MeetingRecorded.Attendee a : m.roster()) {
            attendance.put(a.memberId(), a.exempt() ? EXEMPT : switch (a.attendance()) {
                case "PRESENT" -> PRESENT;
                case "ABSENT_EXCUSED" -> EXCUSED;
                default -> UNEXCUSED;
            });
        }
        Map<String, Integer> tasks = new LinkedHashMap<>();
        if (m.minutes() != null && m.minutes().resolution() != null && m.minutes().resolution().tasks() != null) {
            m.minutes().resolution().tasks().forEach(t -> tasks.merge(t.memberId(), 1, Integer::sum));
        }
        return new MeetingEntry(m.type(), fulfils(m), m.heldOn(), m.closedOn() != null ? m.closedOn() : recordedOn,
                revision, attendance, tasks, fullProcedure(m.minutes()));
    }

    static boolean fullProcedure(MeetingRecorded.Minutes minutes) {
        return minutes != null && given(minutes.chairId()) && given(minutes.minuteTakerId())
                && minutes.contentItems() != null && minutes.contentItems().stream().anyMatch(MeetingEntry::given)
                && given(minutes.conclusion()) && minutes.resolution() != null && given(minutes.resolution().text())
                && minutes.signedByChair() && minutes.signedByMinuteTaker();
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    static String fulfils(MeetingRecorded m) {
        boolean wholeBranch = m.scope() == null || "BRANCH".equals(m.scope());
        if ("REGULAR".equals(m.type()) && wholeBranch) {
            return Periods.isMonth(m.period()) ? m.period() : Periods.monthOf(m.heldOn());
        }
        if ("THEMATIC".equals(m.type())) {
            return Periods.isQuarter(m.period()) ? m.period() : Periods.quarterOf(m.heldOn());
        }
        return null;
    }

    /** The rating year a record counts in: its period's year, or the year it was held in. */
    public static int yearOf(MeetingRecorded m) {
        String period = fulfils(m);
        return period != null ? Periods.yearOf(period) : m.heldOn().getYear();
    }

    public boolean onTime(int closingDays) {
        return ChronoUnit.DAYS.between(heldOn, closedOn) <= closingDays;
    }

    public long count(String code) {
        return attendance.values().stream().filter(code::equals).count();
    }

    public long expected() {
        return attendance.size() - count(EXEMPT);
    }
}
