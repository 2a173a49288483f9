package org.chibo.inspection.rules;

import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** R-G1: fewer present than the quorum (2/3 by default) of official, non-exempt members. */
public record QuorumRule(double quorum) implements MeetingRule {

    public static final Rule RULE = new Rule("R-G1", 1, Severity.HIGH, "Điều lệ Đảng; Hướng dẫn 12-HD/BTCTW (2018)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        Turnout officials = Turnout.of(meeting, Turnout.OFFICIAL);
        if (officials.expected() == 0 || Turnout.reaches(officials.present(), quorum, officials.expected())) {
            return Optional.empty();
        }
        return Optional.of(new Breach(
                "%d of %d official members present, below the quorum of %.0f%%".formatted(officials.present(), officials.expected(), quorum * 100),
                officials.absentees(),
                Map.of("presentOfficial", officials.present(), "expectedOfficial", officials.expected(), "quorum", quorum)));
    }
}
