package org.chibo.meeting.roster;

import java.time.LocalDate;

import org.chibo.contracts.membership.MemberAdmitted;

/**
 * A member on a branch's roster as this service learnt it from {@code membership.events}.
 *
 * @param exemptFrom   first day of an exemption (miễn sinh hoạt), or null
 * @param exemptUntil  last day of the exemption, or null while it has no end
 * @param cellId       the party cell (tổ đảng) of the branch the member is in, or null
 * @param onRollsFrom  the day the member came onto this branch's rolls (admission or reception), or null when not
 *                     known (then: on the rolls on any day)
 * @param officialFrom the day a probationary member was recognised official, or null (an OFFICIAL member with no
 *                     date was official before the platform knew them)
 */
public record RosterMember(String memberId, String fullName, String status, LocalDate exemptFrom, LocalDate exemptUntil,
                           String cellId, LocalDate onRollsFrom, LocalDate officialFrom) {

    public RosterMember(String memberId, String fullName, String status, LocalDate exemptFrom, LocalDate exemptUntil,
                        String cellId) {
        this(memberId, fullName, status, exemptFrom, exemptUntil, cellId, null, null);
    }

    /**
     * A member as {@code member-admitted} puts them on the roster: on the rolls from their admission; an onboarded
     * OFFICIAL member official from their recognition day when the event gives it (probationary before it, in a meeting
     * recorded for that time), else official on any day.
     */
    public static RosterMember admitted(MemberAdmitted m) {
        return admitted(m, null);
    }

    /** The same, in party cell {@code cellId} (an onboarded member's place comes with their admission). */
    public static RosterMember admitted(MemberAdmitted m, String cellId) {
        LocalDate officialFrom = "OFFICIAL".equals(m.status()) ? m.recognisedOn() : null;
        return new RosterMember(m.memberId(), m.fullName(), m.status(), null, null, cellId, m.admittedOn(), officialFrom);
    }

    /** Exempt members are left out of attendance and quorum on the days their exemption covers. */
    public boolean exemptOn(LocalDate day) {
        return exemptFrom != null && !day.isBefore(exemptFrom) && (exemptUntil == null || !day.isAfter(exemptUntil));
    }

    /** A member admitted or received after {@code day} was not yet on the branch's rolls then. */
    public boolean onRollsOn(LocalDate day) {
        return onRollsFrom == null || !day.isBefore(onRollsFrom);
    }

    /** PROBATIONARY or OFFICIAL on {@code day}: only official members vote (Charter art. 5). */
    public String statusOn(LocalDate day) {
        boolean official = "OFFICIAL".equals(status) && (officialFrom == null || !day.isBefore(officialFrom));
        return official ? "OFFICIAL" : "PROBATIONARY";
    }
}
