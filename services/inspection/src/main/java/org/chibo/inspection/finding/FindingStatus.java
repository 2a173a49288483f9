package org.chibo.inspection.finding;

/**
 * Where a finding stands: OPEN → ACKNOWLEDGED → RESOLVED or DISMISSED; RESOLVED or DISMISSED also straight from OPEN.
 * A RESOLVED finding goes back to OPEN only when the service sees its rule broken again (a later amendment, another
 * absence); a DISMISSED one stays dismissed: the inspector judged it not to be a breach.
 */
public enum FindingStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED,
    DISMISSED;

    /** Whether a person may move a finding from this status to {@code next}. */
    public boolean mayBecome(FindingStatus next) {
        return switch (this) {
            case OPEN -> next == ACKNOWLEDGED || next == RESOLVED || next == DISMISSED;
            case ACKNOWLEDGED -> next == RESOLVED || next == DISMISSED;
            case RESOLVED, DISMISSED -> false;
        };
    }

    /** Still waiting for someone: what an amendment that mends the breach resolves by itself. */
    public boolean isActive() {
        return this == OPEN || this == ACKNOWLEDGED;
    }

    /** Whether moving to {@code next} needs a reason: closing a finding always says why. */
    public static boolean needsReason(FindingStatus next) {
        return next == RESOLVED || next == DISMISSED;
    }
}
