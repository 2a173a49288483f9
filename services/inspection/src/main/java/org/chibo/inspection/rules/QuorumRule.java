package org.chibo.inspection.rules;

import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** R-G1: fewer present than the quorum (2/3 by default) of official, non-exempt members. */
public record QuorumRule(double quorum) implements MeetingRule {

    @Override
    public String id() {
        return "R-G1";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String legalBasis() {
        return "Điều lệ Đảng; Hướng dẫn 12-HD/BTCTW (2018)";
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        Turnout officials = Turnout.of(meeting, a -> "OFFICIAL".equals(a.memberStatus()));
        if (officials.expected() == 0 || officials.present() >= quorum * officials.expected()) {
            return Optional.empty();
        }
        return Optional.of(new Breach(
                "%d of %d official members present, below the quorum of %.0f%%".formatted(officials.present(), officials.expected(), quorum * 100),
                officials.absentees(),
                Map.of("presentOfficial", officials.present(), "expectedOfficial", officials.expected(), "quorum", quorum)));
    }
}
