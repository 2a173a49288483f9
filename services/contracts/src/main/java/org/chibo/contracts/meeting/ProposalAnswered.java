package org.chibo.contracts.meeting;

import java.time.Instant;

/**
 * The higher committee answered a proposal (chibo.meeting.proposal-answered.v1, trả lời đề xuất, kiến nghị); the
 * proposal is closed. Keyed by branch id.
 *
 * @param outcome     ACCEPTED, PARTLY_ACCEPTED or DECLINED
 * @param submittedAt when it was submitted, so a consumer can tell how long the answer took without the earlier event
 */
public record ProposalAnswered(String proposalId, String branchId, String organisationPath, String addressedTo,
                               String memberId, String kind, String outcome, String answer, String answeredBy,
                               Instant submittedAt, Instant answeredAt) {
}
