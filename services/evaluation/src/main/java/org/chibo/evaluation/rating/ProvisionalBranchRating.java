package org.chibo.evaluation.rating;

import java.util.List;

/**
 * The provisional rating of a branch during the year: the figure that moves as records and findings arrive.
 * GOOD while attendance holds at the target and no finding is open; COMPLETED otherwise. EXCELLENT is never
 * provisional: it needs the whole year and the 20% cap, applied at year close.
 */
public final class ProvisionalBranchRating {

    public static final String RULE_SET = "124-QD-TW-2023/provisional-1";

    private final double attendanceTarget;

    public ProvisionalBranchRating(double attendanceTarget) {
        this.attendanceTarget = attendanceTarget;
    }

    public Assessment assess(BranchFigures f) {
        Criterion attendance = new Criterion("attendance at or above %.0f%%".formatted(attendanceTarget * 100),
                f.attendanceRate() >= attendanceTarget,
                "%d present of %d expected over %d recorded meeting(s) (%.1f%%)".formatted(f.present(), f.expected(),
                        f.meetingsRecorded(), f.attendanceRate() * 100));
        Criterion findings = new Criterion("no open inspection finding", f.openFindings() == 0,
                f.openFindings() + " open finding(s)");
        List<Criterion> criteria = List.of(attendance, findings);
        Rating rating = criteria.stream().allMatch(Criterion::met) ? Rating.GOOD : Rating.COMPLETED;
        return new Assessment(rating, criteria, RULE_SET);
    }
}
