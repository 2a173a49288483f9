package org.chibo.meeting.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.meeting.roster.RosterMember;

/**
 * Matches attendance against the roster of the meeting's day: everyone listed must have been on the branch's (or
 * the cell's) rolls that day, nobody twice, and nobody on the rolls left out (an absent member is recorded as absent,
 * never omitted) except members exempt that day, who are recorded as exempt whether listed or not.
 */
final class RosterCheck {

    static final String EXEMPT_REASON = "miễn sinh hoạt (exempt)";

    private RosterCheck() {
    }

    /** The members on the rolls on {@code day}, as a meeting's roster begins: status and exemption of that day. */
    static List<Attendee> snapshot(List<RosterMember> rolls, LocalDate day) {
        return rolls.stream().filter(m -> m.onRollsOn(day)).sorted(Comparator.comparing(RosterMember::memberId))
                .map(m -> new Attendee(m.memberId(), m.fullName(), m.statusOn(day), m.exemptOn(day), null, null))
                .toList();
    }

    /** Lines given for a snapshot: each names a member of it once; the roster comes back with their attendance. */
    static List<Attendee> attendees(List<RosterMember> rolls, List<RecordMeetingCommand.Line> lines, LocalDate day) {
        Map<String, Attendee> byId = snapshot(rolls, day).stream()
                .collect(Collectors.toMap(Attendee::memberId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        Map<String, RosterMember> everyone = rolls.stream().collect(Collectors.toMap(RosterMember::memberId, Function.identity()));
        Set<String> seen = new HashSet<>();
        List<Attendee> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RecordMeetingCommand.Line line = lines.get(i);
            Attendee member = byId.get(line.memberId());
            if (member == null) {
                throw new InvalidFieldException("attendance[" + i + "].memberId", everyone.containsKey(line.memberId())
                        ? "member " + line.memberId() + " was not yet on the rolls on " + day
                        : "member " + line.memberId() + " is not on this meeting's roster");
            }
            if (!seen.add(line.memberId())) {
                throw new InvalidFieldException("attendance[" + i + "].memberId", "member " + line.memberId() + " is listed twice");
            }
            result.add(withAttendance(member, line, "attendance[" + i + "]"));
        }
        List<String> missing = byId.values().stream().filter(a -> !a.exempt()).map(Attendee::memberId)
                .filter(id -> !seen.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidFieldException("attendance", "every member on the rolls must be listed, present or absent; missing: " + missing);
        }
        // the record carries the whole roster: exempt members left off the list are there too, as excused
        byId.values().stream().filter(a -> a.exempt() && !seen.contains(a.memberId()))
                .forEach(a -> result.add(exemptAbsent(a)));
        return result;
    }

    static Attendee withAttendance(Attendee member, RecordMeetingCommand.Line line, String field) {
        if (line.status() == Attendance.ABSENT_EXCUSED && (line.reason() == null || line.reason().isBlank())) {
            throw new InvalidFieldException(field + ".reason", "an excused absence (vắng có lý do) needs its reason");
        }
        boolean present = line.status() == Attendance.PRESENT;
        if (!present && (line.arrivedAt() != null || line.leftAt() != null)) {
            throw new InvalidFieldException(field + ".arrivedAt", "only a member present has arrival and leaving times");
        }
        if (present && line.arrivedAt() != null && line.leftAt() != null && !line.leftAt().isAfter(line.arrivedAt())) {
            throw new InvalidFieldException(field + ".leftAt", "a member leaves after arriving");
        }
        return new Attendee(member.memberId(), member.fullName(), member.memberStatus(), member.exempt(), line.status().name(),
                blankToNull(line.reason()), line.arrivedAt(), line.leftAt(), present ? CheckInMethod.MINUTES.name() : null);
    }

    static Attendee exemptAbsent(Attendee a) {
        return new Attendee(a.memberId(), a.fullName(), a.memberStatus(), true, Attendance.ABSENT_EXCUSED.name(), EXEMPT_REASON);
    }

    /** Only official members vote (Charter art. 5), and only those present: the counts cannot exceed them. */
    static void checkVote(List<Attendee> attendees, RecordMeetingCommand.Vote vote) {
        if (vote == null) {
            return;
        }
        long eligible = attendees.stream()
                .filter(a -> "OFFICIAL".equals(a.memberStatus()) && "PRESENT".equals(a.attendance())).count();
        if (vote.total() > eligible) {
            throw new InvalidFieldException("vote", "votes cast (" + vote.total() + ") exceed the official members present ("
                    + eligible + "); probationary members do not vote (Điều lệ Đảng, art. 5)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
