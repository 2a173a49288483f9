package org.chibo.meeting.proposal;

/** SUBMITTED → IN_REVIEW → ANSWERED, or WITHDRAWN by its submitter before an answer. */
public enum ProposalStatus {
    SUBMITTED,
    IN_REVIEW,
    ANSWERED,
    WITHDRAWN
}
