package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A transferred member was received onto a branch's rolls (tiếp nhận sinh hoạt đảng)
 * (chibo.membership.member-received.v1). Keyed by member id. Carries what a roster needs about the member.
 *
 * @param status PROBATIONARY or OFFICIAL
 */
public record MemberReceived(String memberId, String fromBranchId, String branchId, String organisationPath,
                             String fullName, String status, String kind, LocalDate receivedOn) {
}
