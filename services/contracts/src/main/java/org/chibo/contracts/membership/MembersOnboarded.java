package org.chibo.contracts.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * Members already kept by a city's records came onto the register by a bulk import (chibo.membership.members-onboarded.v1):
 * for each, what a {@code member-admitted} (and, for a member placed in a party cell, a {@code member-cell-assigned})
 * would have said. One import request publishes one of these per Kafka partition of its members' ids instead of one
 * event per member, so a city's onboarding is a few hundred records rather than 130,000, with each member's later
 * events still behind it on the same partition.
 * <p>
 * Keyed by the id of one of its members; every member of the event has an id the default partitioner puts on that
 * key's partition. A consumer treats each entry exactly as it treats {@code member-admitted} of the same member.
 *
 * @param batchId the import's onboarding batch (the outbox document that published it)
 * @param members at least one
 */
public record MembersOnboarded(String batchId, List<Entry> members) {

    /**
     * One onboarded member.
     *
     * @param status       PROBATIONARY or OFFICIAL
     * @param recognisedOn for an OFFICIAL member, the day they were recognised official when the register knows it
     * @param cellId       the party cell (tổ đảng) of their branch they belong to, or null
     */
    public record Entry(String memberId, String branchId, String organisationPath, String fullName, String cardNumber,
                        String status, LocalDate admittedOn, LocalDate recognisedOn, String cellId) {

        /** What {@code member-admitted} says of this member. */
        public MemberAdmitted admission() {
            return new MemberAdmitted(memberId, branchId, organisationPath, fullName, cardNumber, status, admittedOn, recognisedOn);
        }
    }
}
