package org.chibo.inspection.rules;

import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** R-G2: attendance rate (present / expected non-exempt members) below the unit's target, 90% by default. */
public record AttendanceBelowTargetRule(double target) implements MeetingRule {

    public static final Rule RULE = new Rule("R-G2", 1, Severity.MEDIUM,
            "Chỉ tiêu tỷ lệ đảng viên dự sinh hoạt (unit target, e.g. Hoài Đức ≥ 90%)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        Turnout t = Turnout.of(meeting, a -> true);
        if (t.expected() == 0 || Turnout.reaches(t.present(), target, t.expected())) {
            return Optional.empty();
        }
        return Optional.of(new Breach(
                "attendance %d of %d (%.0f%%) is below the %.0f%% target".formatted(t.present(), t.expected(), t.rate() * 100, target * 100),
                t.absentees(),
                Map.of("present", t.present(), "expected", t.expected(), "rate", Turnout.round(t.rate()), "target", target)));
    }
}
