package org.chibo.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A finding moved in its lifecycle (chibo.inspection.finding-status-changed.v1): OPEN → ACKNOWLEDGED → RESOLVED or
 * DISMISSED, RESOLVED or DISMISSED straight from OPEN, or back to OPEN when a rule resolved automatically breaks again.
 * One type for every transition, so a consumer follows a finding with one handler. Keyed by branch id.
 *
 * @param status         OPEN, ACKNOWLEDGED, RESOLVED or DISMISSED: the status now
 * @param previousStatus the status before this change
 * @param reason         why; always given for DISMISSED and RESOLVED, null when an acknowledgement gave none
 * @param by             who made the change (the user), or {@code inspection} when the service did it itself (an
 *                       amended record, a meeting recorded late)
 * @param at             when the change was made
 * @param occurredOn     the business date the finding is about, as in {@code finding-raised}: decides the rating year
 */
public record FindingStatusChanged(
        String findingId,
        String ruleId,
        String branchId,
        String organisationPath,
        String meetingId,
        List<String> memberIds,
        String status,
        String previousStatus,
        String reason,
        String by,
        Instant at,
        String severity,
        LocalDate occurredOn) {
}
