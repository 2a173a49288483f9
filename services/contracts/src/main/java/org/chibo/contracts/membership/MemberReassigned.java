package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member moved from one branch's rolls to another's without a transfer, because their branch was merged into it
 * (chibo.membership.member-reassigned.v1). Status and exemption travel with them. Keyed by member id.
 *
 * @param reason why, e.g. {@code MERGER}
 */
public record MemberReassigned(String memberId, String fromBranchId, String branchId, String branchPath, String fullName,
                               String status, LocalDate exemptFrom, LocalDate exemptUntil, LocalDate on, String reason) {
}
