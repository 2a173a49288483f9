package org.chibo.inspection.rules;

import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** R-G2: attendance rate (present / expected) below the unit's target, 90% by default. */
public record AttendanceBelowTargetRule(double target) implements MeetingRule {

    @Override
    public String id() {
        return "R-G2";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String legalBasis() {
        return "Chỉ tiêu tỷ lệ đảng viên dự sinh hoạt (unit target, e.g. Hoài Đức ≥ 90%)";
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        Turnout t = Turnout.of(meeting, a -> true);
        if (t.rate() >= target) {
            return Optional.empty();
        }
        return Optional.of(new Breach(
                "attendance %d of %d (%.0f%%) is below the %.0f%% target".formatted(t.present(), t.expected(), t.rate() * 100, target * 100),
                t.absentees(),
                Map.of("present", t.present(), "expected", t.expected(), "rate", round(t.rate()), "target", target)));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
