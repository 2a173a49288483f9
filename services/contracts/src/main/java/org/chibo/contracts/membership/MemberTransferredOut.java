package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member left a branch's rolls with transfer papers (chuyển sinh hoạt đảng đi), official or temporary
 * (chibo.membership.member-transferred-out.v1). Keyed by member id. Until received the member is on no branch's
 * roster, but stays in the register: the receiving organisation must record the reception before {@code deadline}.
 *
 * @param kind       OFFICIAL (chính thức) or TEMPORARY (tạm thời)
 * @param toBranchId the receiving branch when it is inside this platform, otherwise null
 */
public record MemberTransferredOut(String memberId, String fromBranchId, String toBranchId, String kind,
                                   LocalDate issuedOn, LocalDate deadline) {
}
