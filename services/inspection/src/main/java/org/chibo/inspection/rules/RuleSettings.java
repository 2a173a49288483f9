package org.chibo.inspection.rules;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rule thresholds from configuration ({@code chibo.inspection.rules.*}); defaults from domain.md, marked there
 * "to confirm", so an operator can set the unit's own.
 *
 * @param attendanceTarget R-G2: minimum present / expected
 * @param quorum           R-G1: minimum share of official, non-exempt members present
 */
@ConfigurationProperties("chibo.inspection.rules")
public record RuleSettings(@DefaultValue("0.90") double attendanceTarget, @DefaultValue("0.6667") double quorum) {

    public List<MeetingRule> meetingRules() {
        return List.of(new QuorumRule(quorum), new AttendanceBelowTargetRule(attendanceTarget));
    }
}
