package org.chibo.membership.organisation;

import java.util.List;

/** Chi ủy: bí thư (secretary), phó bí thư (deputies), chi ủy viên (members); member ids of the branch's official members. */
public record BranchCommittee(String secretaryId, List<String> deputyIds, List<String> memberIds) {

    public boolean seats(String memberId) {
        return memberId.equals(secretaryId) || deputyIds.contains(memberId) || memberIds.contains(memberId);
    }

    /** The committee with the member's seat empty (a secretary's seat stays empty until the branch elects again). */
    public BranchCommittee without(String memberId) {
        return new BranchCommittee(memberId.equals(secretaryId) ? null : secretaryId,
                deputyIds.stream().filter(id -> !id.equals(memberId)).toList(),
                memberIds.stream().filter(id -> !id.equals(memberId)).toList());
    }
}
