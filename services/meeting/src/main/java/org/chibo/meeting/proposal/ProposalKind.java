package org.chibo.meeting.proposal;

/** Đề xuất (a proposal for something to be done) or kiến nghị (a petition asking the committee to act or change). */
public enum ProposalKind {
    PROPOSAL,
    PETITION
}
