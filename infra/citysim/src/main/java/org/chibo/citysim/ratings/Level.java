package org.chibo.citysim.ratings;

/** The four levels of the annual rating (Quy định 124-QĐ/TW), best first, as the platform names them. */
public enum Level {
    EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED;

    /** The lower of the two. */
    Level atMost(Level other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** GOOD or better: what the EXCELLENT cap is counted over. */
    boolean goodOrBetter() {
        return this == EXCELLENT || this == GOOD;
    }
}
