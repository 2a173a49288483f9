package org.chibo.evaluation.rating;

import java.util.Locale;

/** Members present of members expected (exempt members left out of both). No meeting expected counts as full. */
public record Turnout(long present, long expected) {

    /** A share written as a decimal is compared with this tolerance, as in inspection: 9 of 10 reaches 0.90. */
    static final double TOLERANCE = 1e-9;

    public double rate() {
        return expected == 0 ? 1.0 : (double) present / expected;
    }

    public boolean reaches(double target) {
        return rate() + TOLERANCE >= target;
    }

    /** Higher turnout first, compared exactly (cross-multiplied), so a ranking never depends on rounding. */
    public int compareDescending(Turnout other) {
        long mine = expected == 0 ? 1 : present;
        long myBase = expected == 0 ? 1 : expected;
        long theirs = other.expected == 0 ? 1 : other.present;
        long theirBase = other.expected == 0 ? 1 : other.expected;
        return Long.compare(theirs * myBase, mine * theirBase);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d present of %d expected (%.1f%%)", present, expected, rate() * 100);
    }
}
