package org.chibo.citysim.ratings;

import java.util.ArrayList;
import java.util.List;

/**
 * The member rule set {@code 124-QD-TW-2023/member-1} (README section 3, table M1–M5), one method a rule, each read
 * straight from the table: the criterion's name, whether it is met, the level it lowers the rating to, and what its
 * evidence must name.
 */
final class MemberCriteria {

    private final Thresholds t;
    private final int year;

    MemberCriteria(Thresholds t, int year) {
        this.t = t;
        this.year = year;
    }

    List<ExpectedCriterion> of(MemberFigures m) {
        return List.of(notDisciplined(), noGroundForRemoval(m), attendance(m), noOpenSeriousFinding(m), fullAttendance(m));
    }

    /** M1, disqualifier: no disciplinary decision in the year. The generated year holds none. */
    ExpectedCriterion notDisciplined() {
        return new ExpectedCriterion("not disciplined in the year", true, Level.NOT_COMPLETED, List.of());
    }

    /** M2, disqualifier: fewer than 3 months with an unexcused absence (dues are not judged). */
    ExpectedCriterion noGroundForRemoval(MemberFigures m) {
        List<String> names = new ArrayList<>(m.unexcusedMonths());
        names.add("dues not judged");
        return new ExpectedCriterion("no ground for removal (R-M3)", m.unexcusedMonths().size() < t.unexcusedMonths(),
                Level.NOT_COMPLETED, names);
    }

    /** M3, GOOD: turnout at or above the target. */
    ExpectedCriterion attendance(MemberFigures m) {
        return new ExpectedCriterion(t.attendanceName(), m.turnout().reaches(t.attendanceTarget()), Level.COMPLETED,
                List.of(m.turnout().words()));
    }

    /** M4, GOOD: no open serious finding naming the member. */
    ExpectedCriterion noOpenSeriousFinding(MemberFigures m) {
        return new ExpectedCriterion("no open serious finding", m.openSeriousFindings().isEmpty(), Level.COMPLETED,
                m.openSeriousFindings());
    }

    /** M5, EXCELLENT: no unexcused absence, and some meeting expected of the member. */
    ExpectedCriterion fullAttendance(MemberFigures m) {
        boolean expected = m.turnout().expected() > 0;
        return new ExpectedCriterion("full attendance except excused absences", expected && m.unexcused() == 0, Level.GOOD,
                List.of(expected ? m.unexcused() + " unexcused" : "no meeting expected of the member in " + year));
    }
}
