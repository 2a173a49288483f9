package org.chibo.meeting.proposal;

import java.time.Instant;

/** One step of a proposal's lifecycle, kept forever in the proposal itself: the status it reached, who, when, why. */
public record ProposalStep(ProposalStatus status, String by, Instant at, String note) {
}
