package org.chibo.citysim.meetings;

import java.util.Set;

/**
 * The figures of one meeting's attendance that the rules look at, counted twice for the official members: by their
 * status on the day (the contract's reading) and by their status at the reference date (a reader that takes the
 * roster's current status). The generator keeps every meeting on the same side of each threshold under both, so the
 * ground truth does not depend on which one an inspection uses.
 *
 * The thresholds are domain.md's defaults, fixed: attendance 90 %, quorum 2/3, a vote carried by more than half.
 * Exactly 2/3 is avoided altogether, because 0.6667 (the inspection service's configured default) and 2/3 disagree
 * there.
 */
record Headcount(int expected, int present, int official, int presentOfficial, int officialAtReference,
                 int presentOfficialAtReference) {

    static Headcount of(Roster.Day day, Set<String> absent) {
        int expected = 0, present = 0, official = 0, presentOfficial = 0, officialRef = 0, presentOfficialRef = 0;
        for (Roster.Entry e : day.expected()) {
            boolean here = !absent.contains(e.card());
            expected++;
            present += here ? 1 : 0;
            if (e.official()) {
                official++;
                presentOfficial += here ? 1 : 0;
            }
            if (e.officialAtReference()) {
                officialRef++;
                presentOfficialRef += here ? 1 : 0;
            }
        }
        return new Headcount(expected, present, official, presentOfficial, officialRef, presentOfficialRef);
    }

    /** R-G2 not tripped: present / expected ≥ 90 %. */
    boolean meetsTarget() {
        return 10 * present >= 9 * expected;
    }

    /** R-G1 clearly not tripped under either reading: more than 2/3 of the official members present. */
    boolean clearOfQuorum() {
        return 3 * presentOfficial > 2 * official && 3 * presentOfficialAtReference > 2 * officialAtReference;
    }

    /** R-G1 tripped under either reading. */
    boolean belowQuorum() {
        return 3 * presentOfficial < 2 * official && 3 * presentOfficialAtReference < 2 * officialAtReference;
    }

    /**
     * The official members present (by the day's status: the only ones who may vote) can carry a resolution by more
     * than half of the official members under either reading.
     */
    boolean voteCanCarry() {
        return 2 * presentOfficial > Math.max(official, officialAtReference);
    }

    /** A chair and a different minute-taker are present. */
    boolean canHoldMinutes() {
        return presentOfficial >= 1 && present >= 2;
    }
}
