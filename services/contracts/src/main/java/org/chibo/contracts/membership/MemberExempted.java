package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member was exempted from party work and meetings (miễn công tác và sinh hoạt đảng) by branch decision
 * (chibo.membership.member-exempted.v1). Keyed by member id. Exempt members are left out of attendance and quorum
 * denominators for meetings held between {@code from} and {@code until}.
 *
 * @param until the last day of the exemption, or null while it has no end
 */
public record MemberExempted(String memberId, String branchId, String reason, LocalDate from, LocalDate until) {
}
