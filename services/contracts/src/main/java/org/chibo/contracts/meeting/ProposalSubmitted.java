package org.chibo.contracts.meeting;

import java.time.Instant;

/**
 * A member of a branch submitted a proposal (đề xuất) or petition (kiến nghị) to the higher committee
 * (chibo.meeting.proposal-submitted.v1), in a meeting or between meetings. Keyed by branch id.
 *
 * @param addressedTo the committee it goes to: the unit directly above the branch in {@code organisationPath}
 * @param meetingId   the meeting it was raised in, or null when raised between meetings
 * @param kind        PROPOSAL (đề xuất) or PETITION (kiến nghị)
 * @param submittedBy who entered it (the member, or e.g. the minute-taker for one raised in a meeting)
 */
public record ProposalSubmitted(String proposalId, String branchId, String organisationPath, String addressedTo,
                                String memberId, String meetingId, String kind, String title, String content,
                                String submittedBy, Instant submittedAt) {
}
