package org.chibo.citysim.meetings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The months in which each member of a branch has been absent without reason so far this year. An ordinary member
 * may collect such absences in at most two distinct months: a third would be an R-M1 finding nobody injected.
 */
final class UnexcusedLedger {

    static final int MAX_ORDINARY_MONTHS = 2;

    private final Map<String, Set<Integer>> months = new HashMap<>();

    boolean allows(String card, int month) {
        Set<Integer> seen = months.get(card);
        return seen == null || seen.size() < MAX_ORDINARY_MONTHS || seen.contains(month);
    }

    void record(String card, int month) {
        months.computeIfAbsent(card, c -> new HashSet<>()).add(month);
    }
}
