package org.chibo.citysim.meetings;

import java.util.SplittableRandom;

/**
 * One random stream per concern of one branch, all split in a fixed order from the branch's own seed: what the
 * exemptions, the calendar or a meeting's attendance draw never shifts what another concern draws, and the streams
 * can be rebuilt from the seed alone (the exemptions are planned in a pass of their own, before the meetings).
 */
record BranchStreams(SplittableRandom exemptions, SplittableRandom calendar, SplittableRandom drops,
                     SplittableRandom anomalies, SplittableRandom committee, SplittableRandom streaks,
                     SplittableRandom attendance, SplittableRandom minutes, SplittableRandom dues,
                     SplittableRandom online) {

    static BranchStreams of(long branchSeed) {
        SplittableRandom root = new SplittableRandom(branchSeed);
        // the dues' stream, then the online meetings', split last: adding each changed none of the others
        return new BranchStreams(root.split(), root.split(), root.split(), root.split(), root.split(), root.split(),
                root.split(), root.split(), root.split(), root.split());
    }
}
