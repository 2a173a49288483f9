package org.chibo.citysim.ratings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The branch rule set {@code 124-QD-TW-2023/branch-1} (README section 4, table B1–B5), one method a rule. No branch
 * rule disqualifies: a branch is never NOT_COMPLETED from the record alone.
 */
final class BranchCriteria {

    private final Thresholds t;
    private final List<String> months;
    private final List<String> quarters;

    BranchCriteria(Thresholds t, int year) {
        this.t = t;
        this.months = new ArrayList<>();
        this.quarters = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.format(java.util.Locale.ROOT, "%04d-%02d", year, m));
        }
        for (int q = 1; q <= 4; q++) {
            quarters.add(year + "-Q" + q);
        }
    }

    List<ExpectedCriterion> of(BranchFigures b) {
        return List.of(monthly(b), quarterly(b), attendance(b), noOpenSeriousFinding(b), noMemberDisciplined());
    }

    /** B1, GOOD: all 12 months held by a regular meeting recorded on time. */
    ExpectedCriterion monthly(BranchFigures b) {
        return periods("every monthly regular meeting held and recorded on time", months, b.monthsHeld(), b.monthsOnTime());
    }

    /** B2, GOOD: all 4 quarters held by a thematic meeting recorded on time. */
    ExpectedCriterion quarterly(BranchFigures b) {
        return periods("every quarterly thematic meeting held and recorded on time", quarters, b.quartersHeld(),
                b.quartersOnTime());
    }

    /** B3, GOOD: turnout over all the branch's meetings at or above the target. */
    ExpectedCriterion attendance(BranchFigures b) {
        return new ExpectedCriterion(t.attendanceName(), b.turnout().reaches(t.attendanceTarget()), Level.COMPLETED,
                List.of(b.turnout().words()));
    }

    /** B4, GOOD: no open serious finding filed on the branch. */
    ExpectedCriterion noOpenSeriousFinding(BranchFigures b) {
        return new ExpectedCriterion("no open serious finding", b.openSeriousFindings().isEmpty(), Level.COMPLETED,
                b.openSeriousFindings());
    }

    /** B5, EXCELLENT: no member disciplined in the year by a decision naming the branch. The generated year has none. */
    ExpectedCriterion noMemberDisciplined() {
        return new ExpectedCriterion("no member disciplined in the year", true, Level.GOOD, List.of());
    }

    /** The evidence names the counts and every period missing or late ({@code 12 of 12 held, 11 on time}). */
    private static ExpectedCriterion periods(String name, List<String> required, Set<String> held, Set<String> onTime) {
        List<String> missing = required.stream().filter(p -> !held.contains(p)).toList();
        List<String> late = required.stream().filter(p -> held.contains(p) && !onTime.contains(p)).toList();
        List<String> names = new ArrayList<>();
        names.add((required.size() - missing.size()) + " of " + required.size() + " held");
        names.add((required.size() - missing.size() - late.size()) + " on time");
        names.addAll(missing);
        names.addAll(late);
        return new ExpectedCriterion(name, missing.isEmpty() && late.isEmpty(), Level.COMPLETED, names);
    }
}
