package org.chibo.meeting.roster;

import java.time.LocalDate;

/**
 * A member on a branch's roster as this service learnt it from {@code membership.events}.
 *
 * @param exemptFrom  first day of an exemption (miễn sinh hoạt), or null
 * @param exemptUntil last day of the exemption, or null while it has no end
 * @param cellId      the party cell (tổ đảng) of the branch the member is in, or null
 */
public record RosterMember(String memberId, String fullName, String status, LocalDate exemptFrom, LocalDate exemptUntil,
                           String cellId) {

    /** Exempt members are left out of attendance and quorum on the days their exemption covers. */
    public boolean exemptOn(LocalDate day) {
        return exemptFrom != null && !day.isBefore(exemptFrom) && (exemptUntil == null || !day.isAfter(exemptUntil));
    }
}
