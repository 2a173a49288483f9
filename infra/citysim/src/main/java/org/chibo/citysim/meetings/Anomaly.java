package org.chibo.citysim.meetings;

/**
 * What the generator can inject into an otherwise orderly year, named by the inspection rule it must trip
 * (domain.md). A below-quorum meeting trips R-G1 and, necessarily, R-G2 as well; an absence streak trips R-M1 and
 * R-M3, and so do dues in arrears R-M2 and R-M3.
 */
public enum Anomaly {
    /** R-P1: a branch holds no regular meeting in a month. Share of branch-months. */
    MISSED_MONTH("R-P1", 0.01),
    /** R-P2: no thematic meeting in a quarter. Share of branch-quarters. */
    MISSED_QUARTER("R-P2", 0.01),
    /** R-G2 alone: attendance under 90 %, quorum still met. Share of meetings. */
    LOW_ATTENDANCE("R-G2", 0.02),
    /** R-G1 and R-G2: official members present under two thirds. Share of meetings. */
    BELOW_QUORUM("R-G1", 0.005),
    /** R-G7: minutes signed more than 7 days after the meeting. Share of meetings. */
    LATE_RECORD("R-G7", 0.01),
    /** R-G5: minutes missing one to three parts. Share of meetings. */
    MISSING_PARTS("R-G5", 0.01),
    /** R-G3: resolution declared adopted without a majority of the official members. Share of meetings. */
    WRONG_VOTE("R-G3", 0.005),
    /** R-G6: a meeting under 90 minutes. Share of meetings. */
    SHORT_MEETING("R-G6", 0.01),
    /** R-M1 and R-M3: a member absent without reason in three (or four) months. Share of members. */
    ABSENCE_STREAK("R-M1", 0.003),
    /**
     * R-M2 and R-M3: a member's dues unpaid (or paid only in part) in three (sometimes four or five) months. Share of
     * members; as many again leave two months unpaid, and as many pay three months late in one catch-up: no finding.
     */
    DUES_ARREARS("R-M2", 0.003),
    /**
     * R-G8: an ONLINE or HYBRID meeting that handled a state secret or a personnel matter (its branch approved for
     * online meetings from the start of the year). Share of meetings, drawn on a stream of its own; as many again are
     * near misses online (no restricted matter, or only ones not excluded), and as many in person with an excluded
     * matter: no finding.
     */
    ONLINE_RESTRICTED("R-G8", 0.004);

    final String rule;
    final double defaultShare;

    Anomaly(String rule, double defaultShare) {
        this.rule = rule;
        this.defaultShare = defaultShare;
    }

    public String rule() {
        return rule;
    }

    /** The anomalies injected meeting by meeting, at most one per meeting. */
    static final Anomaly[] PER_MEETING = {LOW_ATTENDANCE, BELOW_QUORUM, LATE_RECORD, MISSING_PARTS, WRONG_VOTE, SHORT_MEETING};

    static Anomaly byRule(String rule) {
        for (Anomaly a : values()) {
            if (a.rule.equals(rule)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no anomaly for rule " + rule + "; rules: R-P1, R-P2, R-G1, R-G2, R-G3, R-G5, R-G6, R-G7, R-G8, R-M1, R-M2");
    }
}
