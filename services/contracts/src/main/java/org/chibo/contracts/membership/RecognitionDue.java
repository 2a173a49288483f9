package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A probationary member's 12 months are up: the branch should consider recognition (xét công nhận đảng viên chính
 * thức) (chibo.membership.recognition-due.v1). Keyed by member id; raised once per member.
 */
public record RecognitionDue(String memberId, String branchId, LocalDate admittedOn, LocalDate dueOn) {
}
