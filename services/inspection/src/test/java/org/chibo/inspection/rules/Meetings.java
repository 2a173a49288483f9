package org.chibo.inspection.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.contracts.meeting.MeetingRecorded.Minutes;
import org.chibo.contracts.meeting.MeetingRecorded.Resolution;
import org.chibo.contracts.meeting.MeetingRecorded.Vote;

/** Meeting records for rule tests: a sound one by default, each part replaceable. */
final class Meetings {

    static final LocalDate HELD_ON = LocalDate.of(2025, 3, 5);

    private Meetings() {
    }

    /** present, excused, unexcused official members; exempt (absent) officials; present probationary members. */
    static List<Attendee> roster(int present, int excused, int unexcused, int exemptAbsent, int probationaryPresent) {
        List<Attendee> roster = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < present; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", false, "PRESENT", null));
        for (int i = 0; i < excused; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", false, "ABSENT_EXCUSED", "ốm"));
        for (int i = 0; i < unexcused; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", false, "ABSENT_UNEXCUSED", null));
        for (int i = 0; i < exemptAbsent; i++) roster.add(new Attendee("m" + n++, null, "OFFICIAL", true, "ABSENT_EXCUSED", "miễn"));
        for (int i = 0; i < probationaryPresent; i++) roster.add(new Attendee("m" + n++, null, "PROBATIONARY", false, "PRESENT", null));
        return roster;
    }

    static Minutes minutes(boolean adopted) {
        return new Minutes("m0", "m1", List.of("Thời sự", "Nhiệm vụ tháng tới"), "Chi bộ thống nhất",
                new Resolution("Nghị quyết tháng 3", adopted, List.of()), true, true);
    }

    /** A regular meeting, ten official members all present, complete minutes, a unanimous vote, 2 hours. */
    static Builder meeting() {
        return new Builder();
    }

    static final class Builder {
        String type = "REGULAR";
        String mode = "IN_PERSON";
        LocalDate heldOn = HELD_ON;
        Instant startedAt = Instant.parse("2025-03-05T01:00:00Z");
        Instant endedAt = Instant.parse("2025-03-05T03:00:00Z");
        Instant recordedAt = Instant.parse("2025-03-05T04:00:00Z");
        String topic;
        List<Attendee> roster = Meetings.roster(10, 0, 0, 0, 0);
        Vote vote = new Vote(10, 0, 0);
        String scope = "BRANCH";
        String period = "2025-03";
        LocalDate closedOn = HELD_ON;
        Minutes minutes = Meetings.minutes(true);
        List<String> restrictedMatters;

        Builder type(String t) { type = t; return this; }
        Builder topic(String t) { topic = t; return this; }
        Builder roster(List<Attendee> r) { roster = r; return this; }
        Builder vote(Vote v) { vote = v; return this; }
        Builder times(Instant start, Instant end) { startedAt = start; endedAt = end; return this; }
        Builder recordedAt(Instant at) { recordedAt = at; return this; }
        Builder closedOn(LocalDate d) { closedOn = d; return this; }
        Builder minutes(Minutes m) { minutes = m; return this; }
        Builder scope(String s) { scope = s; return this; }
        Builder period(String p) { period = p; return this; }
        Builder heldOn(LocalDate d) { heldOn = d; return this; }
        Builder mode(String m) { mode = m; return this; }
        Builder restrictedMatters(String... matters) { restrictedMatters = List.of(matters); return this; }

        MeetingRecorded build() {
            return new MeetingRecorded("meeting-1", "branch-1", "/city/branch-1/", type, mode, heldOn, startedAt, endedAt,
                    recordedAt, topic, roster, vote, scope, null, period, "Hội trường", closedOn, minutes, restrictedMatters);
        }
    }
}
