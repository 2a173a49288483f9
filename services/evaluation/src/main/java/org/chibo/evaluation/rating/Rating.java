package org.chibo.evaluation.rating;

/** The four levels of Quy định 124-QĐ/TW (2023), best first: a later constant is a lower level. */
public enum Rating {
    /** Hoàn thành xuất sắc nhiệm vụ. */
    EXCELLENT,
    /** Hoàn thành tốt nhiệm vụ. */
    GOOD,
    /** Hoàn thành nhiệm vụ. */
    COMPLETED,
    /** Không hoàn thành nhiệm vụ. */
    NOT_COMPLETED;

    /** The lower of the two levels. */
    public Rating atMost(Rating ceiling) {
        return ordinal() >= ceiling.ordinal() ? this : ceiling;
    }

    public boolean goodOrBetter() {
        return this == EXCELLENT || this == GOOD;
    }
}
