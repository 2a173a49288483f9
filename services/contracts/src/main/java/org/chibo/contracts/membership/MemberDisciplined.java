package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A disciplinary decision (kỷ luật) against a member (chibo.membership.member-disciplined.v1). Keyed by member id.
 * An expulsion is followed by {@code member-left} with reason EXPELLED.
 *
 * @param form REPRIMAND (khiển trách), WARNING (cảnh cáo), DISMISSAL (cách chức) or EXPULSION (khai trừ)
 */
public record MemberDisciplined(String memberId, String branchId, String form, LocalDate decidedOn, String decisionRef,
                                String reason) {
}
