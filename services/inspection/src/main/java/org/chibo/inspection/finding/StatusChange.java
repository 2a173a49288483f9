package org.chibo.inspection.finding;

import java.time.Instant;

/**
 * One step in a finding's history: who moved it, when, why, and from where.
 *
 * @param by     the subject of the verified token of whoever moved it, or {@link Findings#SERVICE} when the
 *               service did it itself
 * @param reason why; null only for an acknowledgement that gave none
 */
public record StatusChange(FindingStatus status, FindingStatus previousStatus, String by, Instant at, String reason) {
}
