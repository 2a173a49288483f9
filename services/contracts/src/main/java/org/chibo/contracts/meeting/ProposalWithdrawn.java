package org.chibo.contracts.meeting;

import java.time.Instant;

/**
 * Its submitter withdrew a proposal before it was answered (chibo.meeting.proposal-withdrawn.v1, rút đề xuất); the
 * proposal is closed without an answer. Keyed by branch id.
 *
 * @param note why, or null
 */
public record ProposalWithdrawn(String proposalId, String branchId, String organisationPath, String addressedTo,
                                String memberId, String note, String withdrawnBy, Instant withdrawnAt) {
}
