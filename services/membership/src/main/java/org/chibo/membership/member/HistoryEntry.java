package org.chibo.membership.member;

import java.time.Instant;

/** One change to a member's record, kept forever in the record itself. */
public record HistoryEntry(Instant at, String change, String details) {
}
