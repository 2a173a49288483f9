package org.chibo.evaluation.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One finding of the branch's year with its status as last known. Status changes are taken by their time
 * ({@code at}), not by arrival, so any order of delivery, and any repetition, leaves the same status.
 */
public record FindingEntry(String ruleId, String severity, List<String> memberIds, String status, Instant statusAt) {

    /** The later of the two statuses; at the same instant the one first in this order wins, whatever came first. */
    private static final Comparator<FindingEntry> LATEST = Comparator.comparing(FindingEntry::statusAt)
            .thenComparing(FindingEntry::status, Comparator.reverseOrder());

    public FindingEntry {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    public boolean open() {
        return "OPEN".equals(status) || "ACKNOWLEDGED".equals(status);
    }

    public FindingEntry latest(FindingEntry other) {
        return other == null || LATEST.compare(this, other) > 0 ? this : other;
    }
}
