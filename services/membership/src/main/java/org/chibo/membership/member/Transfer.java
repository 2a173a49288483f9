package org.chibo.membership.member;

import java.time.LocalDate;

/**
 * Transfer papers issued and not yet presented: the member is on no branch's roster until a branch receives them.
 *
 * @param toBranchId the receiving branch when it is on this platform, otherwise null
 * @param deadline   the last day to present the papers (default 30 working days after issue, Quy định 24-QĐ/TW)
 */
public record Transfer(TransferKind kind, String fromBranchId, String toBranchId, LocalDate issuedOn, LocalDate deadline) {
}
