package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A branch was approved, or no longer approved, to hold online meetings under Hướng dẫn 03-HD/TW
 * (chibo.membership.online-eligibility-set.v1). Keyed by branch id.
 *
 * @param eligible false withdraws an earlier approval
 * @param until    null while open-ended
 */
public record OnlineEligibilitySet(String branchId, boolean eligible, String decisionRef, String reason, LocalDate from,
                                   LocalDate until) {
}
