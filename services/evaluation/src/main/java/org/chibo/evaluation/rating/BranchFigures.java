package org.chibo.evaluation.rating;

/** What the year's record says about a branch so far. */
public record BranchFigures(int meetingsRecorded, int present, int expected, int openFindings) {

    public double attendanceRate() {
        return expected == 0 ? 1.0 : (double) present / expected;
    }
}
