package org.chibo.inspection.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the feed can be read without skipping anything. Places are handed out before their entries are written, by
 * several writers at once, so place 7 may be handed out and still on its way when place 8 is already there. A reader
 * must not pass a place that is handed out but missing until its entry appears, or until {@code grace} has passed
 * since it was first seen missing: then its writer is taken to have died between the two steps, and the place is
 * passed for good.
 */
final class GapGuard {

    private static final Logger log = LoggerFactory.getLogger(GapGuard.class);

    private final Duration grace;
    private final SortedMap<Long, Instant> missingSince = new TreeMap<>();

    GapGuard(Duration grace) {
        this.grace = grace;
    }

    /**
     * @param settled every place up to this one is settled already
     * @param top     the highest place looked at (handed out)
     * @param present the places from {@code settled + 1} to {@code top} whose entries exist
     * @return the new settled place: the last before the first place still awaited
     */
    long settle(long settled, long top, Set<Long> present, Instant now) {
        long place = settled;
        while (place < top) {
            long next = place + 1;
            if (!present.contains(next)) {
                Instant since = missingSince.computeIfAbsent(next, p -> now);
                if (Duration.between(since, now).compareTo(grace) < 0) {
                    break;
                }
                log.warn("feed place {} was handed out {} ago and never written: passed", next, Duration.between(since, now));
            }
            place = next;
        }
        missingSince.headMap(place + 1).clear();
        return place;
    }
}
