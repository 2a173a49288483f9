package org.chibo.evaluation.rating;

import java.util.List;

/**
 * The rule sets in force. A change of any rule or of its meaning is a new version; thresholds are configuration and
 * are not part of the version.
 */
public final class RuleSets {

    public static final String MEMBER = "124-QD-TW-2023/member-1";
    public static final String BRANCH = "124-QD-TW-2023/branch-1";

    private RuleSets() {
    }

    public static RuleSet<MemberYear> member(RatingThresholds t) {
        return new RuleSet<>(MEMBER, List.of(
                new NotDisciplinedRule(),
                new NoGroundForRemovalRule(t.unexcusedAbsenceMonths(), t.duesRequired()),
                new AttendanceRule<>(t.attendanceTarget(), MemberYear::turnout),
                new NoOpenSeriousFindingRule<>(MemberYear::openSeriousFindingIds),
                new FullAttendanceRule()));
    }

    public static RuleSet<BranchYear> branch(RatingThresholds t) {
        return new RuleSet<>(BRANCH, List.of(
                new PeriodsHeldOnTimeRule<>("monthly regular meeting", BranchYear::regular),
                new PeriodsHeldOnTimeRule<>("quarterly thematic meeting", BranchYear::thematic),
                new AttendanceRule<>(t.attendanceTarget(), BranchYear::turnout),
                new NoOpenSeriousFindingRule<>(BranchYear::openSeriousFindingIds),
                new NoDisciplinedMemberRule()));
    }

    /**
     * During the year a rating is never EXCELLENT: that needs the whole year and the cap, applied at the close. So a
     * provisional rating is the same assessment held to GOOD.
     */
    public static Assessment provisional(Assessment ceiling) {
        if (ceiling.rating() != Rating.EXCELLENT) {
            return ceiling;
        }
        return ceiling.heldTo(Rating.GOOD, new Criterion("EXCELLENT only at year close", false,
                "every criterion met so far; the 20% cap is applied when the year closes"));
    }
}
