package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member moved from one branch's rolls to another's without a transfer, because their branch was merged into it
 * (chibo.membership.member-reassigned.v1). Status, exemption and party cell travel with them (the cell moves to the new
 * branch too). Keyed by member id.
 *
 * @param reason why, e.g. {@code MERGER}
 * @param cellId the member's party cell (tổ đảng), or null
 */
public record MemberReassigned(String memberId, String fromBranchId, String branchId, String branchPath, String fullName,
                               String status, LocalDate exemptFrom, LocalDate exemptUntil, LocalDate on, String reason,
                               String cellId) {
}
