package org.chibo.evaluation.rating;

/** What a criterion that is not met holds a rating down to. */
public enum Gate {
    /** A disqualifier: not met means Không hoàn thành nhiệm vụ. */
    DISQUALIFIER(Rating.NOT_COMPLETED),
    /** Needed for Hoàn thành tốt nhiệm vụ or better: not met means at most Hoàn thành nhiệm vụ. */
    GOOD(Rating.COMPLETED),
    /** Needed for Hoàn thành xuất sắc nhiệm vụ: not met means at most Hoàn thành tốt nhiệm vụ. */
    EXCELLENT(Rating.GOOD);

    private final Rating ceilingWhenNotMet;

    Gate(Rating ceilingWhenNotMet) {
        this.ceilingWhenNotMet = ceilingWhenNotMet;
    }

    public Rating ceilingWhenNotMet() {
        return ceilingWhenNotMet;
    }
}
