package org.chibo.inspection;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.chibo.inspection.rules.AttendanceBelowTargetRule;
import org.chibo.inspection.rules.LateClosingRule;
import org.chibo.inspection.rules.MeetingDurationRule;
import org.chibo.inspection.rules.MeetingRule;
import org.chibo.inspection.rules.MinutesCompletenessRule;
import org.chibo.inspection.rules.OnlineRestrictedMatterRule;
import org.chibo.inspection.rules.ProbationaryVoterRule;
import org.chibo.inspection.rules.QuorumRule;
import org.chibo.inspection.rules.ResolutionMajorityRule;
import org.chibo.inspection.rules.ThematicTopicRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rule thresholds from configuration ({@code chibo.inspection.rules.*}, commented in application.yml); defaults from
 * domain.md, several marked there "to confirm", so an operator can set the unit's own. Read once at start-up.
 *
 * @param attendanceTarget       R-G2: minimum present / expected
 * @param quorum                 R-G1: minimum share of official, non-exempt members present
 * @param resolutionMajority     R-G3: share of official, non-exempt members a resolution's votes in favour must exceed
 * @param minimumDuration        R-G6: shortest acceptable meeting
 * @param closingDays            R-G7: days after the meeting within which the minutes must be closed
 * @param unexcusedAbsenceMonths R-M1: distinct months of unexcused absence in a year that break the rule
 * @param duesArrearsMonths      R-M2: months of a year with dues unpaid (and owed) that break the rule
 * @param probationMonths        R-M4: length of the probation (dự bị)
 * @param recognitionGraceDays   R-M4: days after the probation within which recognition must be decided
 * @param periodGraceDays        R-P1/R-P2: days after a period's end before the scheduler closes it
 * @param onlineExcludedMatters  R-G8: the restricted matters an ONLINE or HYBRID meeting may not handle (03-HD/TW)
 */
@ConfigurationProperties("chibo.inspection.rules")
public record RuleSettings(@DefaultValue("0.90") double attendanceTarget,
                           @DefaultValue("0.666666666667") double quorum,
                           @DefaultValue("0.5") double resolutionMajority,
                           @DefaultValue("PT90M") Duration minimumDuration,
                           @DefaultValue("7") int closingDays,
                           @DefaultValue("3") int unexcusedAbsenceMonths,
                           @DefaultValue("3") int duesArrearsMonths,
                           @DefaultValue("12") int probationMonths,
                           @DefaultValue("30") int recognitionGraceDays,
                           @DefaultValue("7") int periodGraceDays,
                           @DefaultValue({"STATE_SECRET", "PERSONNEL"}) Set<String> onlineExcludedMatters) {

    /** Every per-meeting rule in force. R-G8 is its excluded-content half: see the README. */
    public List<MeetingRule> meetingRules() {
        return List.of(new QuorumRule(quorum), new AttendanceBelowTargetRule(attendanceTarget),
                new ResolutionMajorityRule(resolutionMajority), new ProbationaryVoterRule(), new MinutesCompletenessRule(),
                new MeetingDurationRule(minimumDuration), new LateClosingRule(closingDays), new ThematicTopicRule(),
                new OnlineRestrictedMatterRule(onlineExcludedMatters));
    }
}
