package org.chibo.meeting.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.contracts.meeting.MeetingRecorded.Minutes;
import org.chibo.contracts.meeting.MeetingRecorded.Task;

/**
 * The parts minutes (biên bản) must have under Hướng dẫn 12-HD/BTCTW, and who may appear in them. A meeting closed in
 * the software must have every part; minutes transcribed from paper are kept as the paper has them, and what they
 * lack is for inspection to flag.
 */
final class MinutesCheck {

    private MinutesCheck() {
    }

    /** The required parts that {@code minutes} lack, by field name; all of them when there are no minutes. */
    static List<String> missingParts(Minutes minutes) {
        List<String> missing = new ArrayList<>();
        if (minutes == null || blank(minutes.chairId())) missing.add("chairId");
        if (minutes == null || blank(minutes.minuteTakerId())) missing.add("minuteTakerId");
        if (minutes == null || minutes.contentItems() == null || minutes.contentItems().stream().allMatch(MinutesCheck::blank)) {
            missing.add("contentItems");
        }
        if (minutes == null || blank(minutes.conclusion())) missing.add("conclusion");
        if (minutes == null || minutes.resolution() == null || blank(minutes.resolution().text())) missing.add("resolution");
        if (minutes == null || !minutes.signedByChair()) missing.add("signedByChair");
        if (minutes == null || !minutes.signedByMinuteTaker()) missing.add("signedByMinuteTaker");
        return missing;
    }

    static void requireComplete(Minutes minutes) {
        List<String> missing = missingParts(minutes);
        if (!missing.isEmpty()) {
            throw new InvalidFieldException("minutes." + missing.get(0), "minutes closed in the software need every part"
                    + " that Hướng dẫn 12-HD/BTCTW requires; missing: " + missing);
        }
    }

    /** The chair and the minute-taker were present; tasks go to members on the roster. */
    static void checkPeople(Minutes minutes, List<Attendee> roster) {
        if (minutes == null) {
            return;
        }
        Map<String, Attendee> byId = roster.stream().collect(Collectors.toMap(Attendee::memberId, Function.identity()));
        requirePresent(byId, minutes.chairId(), "minutes.chairId", "the chair (chủ trì)");
        requirePresent(byId, minutes.minuteTakerId(), "minutes.minuteTakerId", "the minute-taker (thư ký)");
        if (minutes.resolution() != null && minutes.resolution().tasks() != null) {
            List<Task> tasks = minutes.resolution().tasks();
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                if (task == null || blank(task.memberId()) || !byId.containsKey(task.memberId())) {
                    throw new InvalidFieldException("minutes.resolution.tasks[" + i + "].memberId",
                            "a resolution's task goes to a named member of the meeting's roster");
                }
                if (blank(task.description())) {
                    throw new InvalidFieldException("minutes.resolution.tasks[" + i + "].description", "a task needs its description");
                }
            }
        }
    }

    private static void requirePresent(Map<String, Attendee> roster, String memberId, String field, String who) {
        if (blank(memberId)) {
            return;
        }
        Attendee a = roster.get(memberId);
        if (a == null) {
            throw new InvalidFieldException(field, who + " must be a member on the meeting's roster");
        }
        if (!"PRESENT".equals(a.attendance())) {
            throw new InvalidFieldException(field, who + " must be present at the meeting");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
