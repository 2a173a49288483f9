package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A probationary member was recognised official (công nhận đảng viên chính thức) by decision
 * (chibo.membership.member-recognised.v1). Keyed by member id.
 *
 * @param decisionRef the decision's number, e.g. {@code 123-QĐ/ĐU}
 */
public record MemberRecognised(String memberId, String branchId, LocalDate recognisedOn, String decisionRef) {
}
