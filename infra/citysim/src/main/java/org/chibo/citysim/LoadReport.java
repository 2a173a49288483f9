package org.chibo.citysim;

import java.time.Duration;
import java.util.List;

/**
 * What a load did: lines sent in how many chunks, what the platform created, left unchanged or rejected, and the
 * platform's counts for the city against the profile.
 */
public record LoadReport(long lines, int chunks, long createdUnits, long createdMembers, long unchanged,
                         List<Rejection> rejected, Duration elapsed, ProfileCheck comparison) {

    /** A row the platform refused: its line in the file, the field at fault, why, and the line itself. */
    public record Rejection(long line, String field, String reason, String text) {
    }

    public LoadReport {
        rejected = List.copyOf(rejected);
    }

    /** True when every figure the platform reports for the city equals the profile's. */
    public boolean allMatch() {
        return comparison.allMatch();
    }
}
