package org.chibo.evaluation.rating;

import java.util.Set;

/**
 * The figures the rules compare against (domain.md, "Annual rating"; every one configurable, defaults to confirm
 * against Quy định 124-QĐ/TW and its guidance).
 *
 * @param attendanceTarget       GOOD or better needs turnout at or above this share (0.90)
 * @param unexcusedAbsenceMonths R-M1: unexcused absences in this many distinct months of the year are ground for
 *                               removal (R-M3), a disqualifier (3)
 * @param duesRequired           whether unpaid dues count (R-M2); off while the platform does not collect dues
 * @param unpaidDuesMonths       R-M2: this many months of the year unpaid are ground for removal (3)
 * @param excellentShare         the cap: EXCELLENT at most this share of those GOOD or better in a rating unit (0.20)
 * @param closingDays            a meeting is on time when its minutes were closed at most this many days after it (7)
 * @param seriousSeverities      finding severities that count as serious (SERIOUS)
 */
public record RatingThresholds(double attendanceTarget, int unexcusedAbsenceMonths, boolean duesRequired,
                               int unpaidDuesMonths, double excellentShare, int closingDays, Set<String> seriousSeverities) {

    public static RatingThresholds defaults() {
        return new RatingThresholds(0.90, 3, false, 3, 0.20, 7, Set.of("SERIOUS"));
    }

    public boolean serious(String severity) {
        return seriousSeverities.contains(severity);
    }
}
