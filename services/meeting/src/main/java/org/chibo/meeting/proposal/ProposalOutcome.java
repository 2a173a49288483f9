package org.chibo.meeting.proposal;

/** The higher committee's answer: tiếp thu (accepted), tiếp thu một phần (partly accepted), không tiếp thu (declined). */
public enum ProposalOutcome {
    ACCEPTED,
    PARTLY_ACCEPTED,
    DECLINED
}
