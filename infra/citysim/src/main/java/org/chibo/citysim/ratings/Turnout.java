package org.chibo.citysim.ratings;

import java.math.BigDecimal;

/** Present of expected, exempt members out of both; nothing expected counts as full. Compared as exact fractions. */
record Turnout(long present, long expected) {

    boolean reaches(BigDecimal target) {
        return expected == 0 || BigDecimal.valueOf(present).compareTo(target.multiply(BigDecimal.valueOf(expected))) >= 0;
    }

    /** Negative when this turnout is the higher one (so a sort puts it first). */
    int compareDescending(Turnout other) {
        long mine = expected == 0 ? 1 : present, myBase = expected == 0 ? 1 : expected;
        long theirs = other.expected == 0 ? 1 : other.present, theirBase = other.expected == 0 ? 1 : other.expected;
        return Long.compare(theirs * myBase, mine * theirBase);
    }

    /** How the rating's evidence states it: {@code 15 present of 16 expected}. */
    String words() {
        return present + " present of " + expected + " expected";
    }

    Turnout plus(boolean here) {
        return new Turnout(present + (here ? 1 : 0), expected + 1);
    }
}
