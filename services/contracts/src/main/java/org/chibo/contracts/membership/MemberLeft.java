package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member is no longer on any roll (chibo.membership.member-left.v1). Keyed by member id. The record stays in the
 * register; rosters drop the member.
 *
 * @param reason EXPELLED (khai trừ), REMOVED (xóa tên), DECEASED (từ trần) or LEFT (xin ra khỏi Đảng)
 */
public record MemberLeft(String memberId, String branchId, String reason, LocalDate on, String decisionRef) {
}
