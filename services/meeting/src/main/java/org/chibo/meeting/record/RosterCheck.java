package org.chibo.meeting.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.meeting.roster.RosterMember;

/**
 * Matches a submitted attendance list against the branch's roster: everyone listed must be a member of the branch,
 * nobody twice, and nobody on the roster left out (an absent member is recorded as absent, never omitted) except
 * members exempt on the meeting's day, who are recorded as exempt whether listed or not.
 */
final class RosterCheck {

    static final String EXEMPT_REASON = "miễn sinh hoạt (exempt)";

    private RosterCheck() {
    }

    static List<MeetingRecorded.Attendee> attendees(List<RosterMember> roster, List<RecordMeetingCommand.Line> lines,
                                                    LocalDate heldOn) {
        Map<String, RosterMember> byId = roster.stream().collect(Collectors.toMap(RosterMember::memberId, Function.identity()));
        Set<String> seen = new HashSet<>();
        List<MeetingRecorded.Attendee> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RecordMeetingCommand.Line line = lines.get(i);
            RosterMember member = byId.get(line.memberId());
            if (member == null) {
                throw new InvalidFieldException("attendance[" + i + "].memberId",
                        "member " + line.memberId() + " is not on this branch's roster");
            }
            if (!seen.add(line.memberId())) {
                throw new InvalidFieldException("attendance[" + i + "].memberId", "member " + line.memberId() + " is listed twice");
            }
            if (line.status() == Attendance.ABSENT_EXCUSED && (line.reason() == null || line.reason().isBlank())) {
                throw new InvalidFieldException("attendance[" + i + "].reason", "an excused absence (vắng có lý do) needs its reason");
            }
            result.add(new MeetingRecorded.Attendee(member.memberId(), member.fullName(), member.status(), member.exemptOn(heldOn),
                    line.status().name(), line.reason()));
        }
        List<String> missing = roster.stream().filter(m -> !m.exemptOn(heldOn)).map(RosterMember::memberId)
                .filter(id -> !seen.contains(id)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new InvalidFieldException("attendance", "every member of the branch must be listed, present or absent; missing: " + missing);
        }
        // the record carries the whole roster: exempt members left off the list are there too, as excused
        roster.stream().filter(m -> m.exemptOn(heldOn) && !seen.contains(m.memberId()))
                .sorted(java.util.Comparator.comparing(RosterMember::memberId))
                .forEach(m -> result.add(new MeetingRecorded.Attendee(m.memberId(), m.fullName(), m.status(), true,
                        Attendance.ABSENT_EXCUSED.name(), EXEMPT_REASON)));
        return result;
    }

    /** Only official members vote (Charter art. 5), and only those present. */
    static void checkVote(List<MeetingRecorded.Attendee> attendees, RecordMeetingCommand.Vote vote) {
        if (vote == null) {
            return;
        }
        long eligible = attendees.stream()
                .filter(a -> "OFFICIAL".equals(a.memberStatus()) && "PRESENT".equals(a.attendance())).count();
        if (vote.total() > eligible) {
            throw new InvalidFieldException("vote", "votes cast (" + vote.total() + ") exceed the official members present ("
                    + eligible + ")");
        }
    }
}
