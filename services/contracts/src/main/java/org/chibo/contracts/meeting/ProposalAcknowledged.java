package org.chibo.contracts.meeting;

import java.time.Instant;

/**
 * The higher committee took a proposal up for review (chibo.meeting.proposal-acknowledged.v1, tiếp nhận): it is
 * now IN_REVIEW and waits for the committee's answer. Keyed by branch id.
 *
 * @param note what the committee said on taking it up, or null
 */
public record ProposalAcknowledged(String proposalId, String branchId, String organisationPath, String addressedTo,
                                   String note, String acknowledgedBy, Instant acknowledgedAt) {
}
