package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member joined a branch's rolls (chibo.membership.member-admitted.v1). Used both for a new admission
 * (kết nạp, status PROBATIONARY) and for onboarding an existing member (status OFFICIAL).
 *
 * @param status PROBATIONARY or OFFICIAL
 */
public record MemberAdmitted(
        String memberId,
        String branchId,
        String organisationPath,
        String fullName,
        String cardNumber,
        String status,
        LocalDate admittedOn) {
}
