package org.chibo.inspection.finding;

import java.time.Instant;

/**
 * One step in a finding's history: who moved it, when, why, and from where.
 *
 * @param by     the user ({@code X-ChiBo-User} until identity arrives), or {@link Findings#SERVICE} when the service
 *               did it itself
 * @param reason why; null only for an acknowledgement that gave none
 */
public record StatusChange(FindingStatus status, FindingStatus previousStatus, String by, Instant at, String reason) {
}
