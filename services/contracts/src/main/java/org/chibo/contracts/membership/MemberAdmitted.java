package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member joined a branch's rolls (chibo.membership.member-admitted.v1). Used both for a new admission
 * (kết nạp, status PROBATIONARY) and for onboarding an existing member (status OFFICIAL).
 *
 * @param status       PROBATIONARY or OFFICIAL
 * @param recognisedOn for an onboarded OFFICIAL member, the day they were recognised official when the register
 *                     knows it (optional, added to v1): before that day they were probationary, which a meeting
 *                     held then must count so (no vote, not in the quorum); null otherwise
 */
public record MemberAdmitted(
        String memberId,
        String branchId,
        String organisationPath,
        String fullName,
        String cardNumber,
        String status,
        LocalDate admittedOn,
        LocalDate recognisedOn) {

    /** Without a recognition date: a new admission, or an onboarded member whose recognition day is not known. */
    public MemberAdmitted(String memberId, String branchId, String organisationPath, String fullName, String cardNumber,
                          String status, LocalDate admittedOn) {
        this(memberId, branchId, organisationPath, fullName, cardNumber, status, admittedOn, null);
    }
}
